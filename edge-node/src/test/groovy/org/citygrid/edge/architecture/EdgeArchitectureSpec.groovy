package org.citygrid.edge.architecture

import static org.citygrid.edge.testkit.EdgeArchitecture.californiumOnlyInCoap
import static org.citygrid.edge.testkit.EdgeArchitecture.noPackageCycles

import com.tngtech.archunit.core.domain.JavaClasses
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import spock.lang.Shared
import spock.lang.Specification

/** edge-node's architecture rules hold for its main code, and each fails on a deliberate violation. */
class EdgeArchitectureSpec extends Specification {

    static final String ROOT = 'org.citygrid.edge'
    static final String FIXTURE = 'org.citygrid.edge.archfixture'

    @Shared
    JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT)
    @Shared
    JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE)

    def "edge-node's main code: #rule"() {
        when:
        def result = check(ROOT).evaluate(main)

        then:
        !result.hasViolation()
        main.size() > 50

        where:
        rule                                        | check
        'no package cycles'                         | { String root -> noPackageCycles(root) }
        'Californium only in the coap adapter'      | { String root -> californiumOnlyInCoap(root) }
    }

    def "a deliberate violation fails the rule: #violation"() {
        when:
        def result = check(FIXTURE).evaluate(fixture)

        then:
        result.hasViolation()
        result.failureReport.details.any { it.contains(names) }

        where:
        violation                                    | check                                        || names
        'package a uses b, b uses a'                 | { String root -> noPackageCycles(root) }       || 'Field <org.citygrid.edge.archfixture.a.A.partner> has type <org.citygrid.edge.archfixture.b.B>'
        'a Scandium key store outside the adapter'   | { String root -> californiumOnlyInCoap(root) } || 'Field <org.citygrid.edge.archfixture.store.LeakyStore.keys> has type <org.eclipse.californium.scandium'
    }

    def "the fixture's adapter package may use Californium: the rule is about where, not whether"() {
        expect:
        californiumOnlyInCoap(FIXTURE).evaluate(fixture).failureReport.details.every { !it.contains('archfixture.coap.') }
    }
}
