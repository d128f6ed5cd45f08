package org.citygrid.api.archfixture.cyclea

import groovy.transform.CompileStatic
import org.citygrid.api.archfixture.cycleb.Photos

/** One half of a deliberate package cycle for ArchitectureSpec (as cases and photos had). Only analysed. */
@CompileStatic
class Cases {

    boolean evidenceIsOwn(Photos photos, String ref) {
        photos.owner(ref) == 'me'
    }
}
