package org.citygrid.api.archfixture.cycleb

import groovy.transform.CompileStatic
import org.citygrid.api.archfixture.cyclea.Cases

/** The other half of the deliberate package cycle. Only analysed. */
@CompileStatic
class Photos {

    String owner(String ref) {
        ref
    }

    boolean visible(Cases cases) {
        cases.evidenceIsOwn(this, 'photo/1')
    }
}
