package org.citygrid.cloud.testkit

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices

import com.tngtech.archunit.lang.ArchRule

/**
 * cloud-backend's architecture rules, each for a root package, so that CloudArchitectureSpec runs them on
 * the main code and on a fixture that breaks each one (org.citygrid.cloud.archfixture).
 */
class CloudArchitecture {

    /** The packages that speak the domain: the ledger, its follow-ups and the stateless steps. */
    static final List<String> DOMAIN = ['ledger', 'store', 'filing', 'dispatch', 'duplicates', 'sla', 'indicators',
                                        'notify', 'intake', 'geocode', 'commands']

    /** The follow-ups the ledger sets off through its own interfaces. */
    static final List<String> FOLLOW_UPS = ['filing', 'dispatch', 'duplicates', 'sla', 'indicators', 'notify']

    static final List<String> JDBC = ['java.sql..', 'javax.sql..', 'org.postgresql..', 'org.flywaydb..']

    static ArchRule noPackageCycles(String root) {
        slices().matching(root + '.(*)..').should().beFreeOfCycles()
                .because('a package that needs another one that needs it cannot be understood or changed alone')
    }

    static ArchRule streamsOnlyInAdapters(String root) {
        noClasses().that().resideInAPackage(root + '..').and().resideOutsideOfPackage(root + '.streams..')
                .should().dependOnClassesThat().resideInAPackage('org.apache.kafka.streams..')
                .because('the topology, its processors and the state stores are the adapters; the ledger and the follow-ups speak the domain')
    }

    static ArchRule domainKnowsNoKafka(String root) {
        noClasses().that().resideInAnyPackage(DOMAIN.collect { "${root}.${it}..".toString() } as String[])
                .should().dependOnClassesThat().resideInAnyPackage(['org.apache.kafka..', 'io.micrometer..', 'com.sun.net.httpserver..'] as String[])
                .because('the ledger and the follow-ups are tested on plain objects and run on any store')
    }

    static ArchRule jdbcOnlyInReadModel(String root) {
        noClasses().that().resideInAPackage(root + '..').and().resideOutsideOfPackage(root + '.readmodel..')
                .should().dependOnClassesThat().resideInAnyPackage(JDBC as String[])
                .because('the read model is the one place cloud-backend writes SQL')
    }

    static ArchRule ledgerOwnsItsPorts(String root) {
        noClasses().that().resideInAPackage(root + '.ledger..')
                .should().dependOnClassesThat().resideInAnyPackage(FOLLOW_UPS.collect { "${root}.${it}..".toString() } as String[])
                .because('the follow-ups implement the ledger\'s interfaces; the ledger knows none of them')
    }
}
