package org.citygrid.cloud.architecture

import static org.citygrid.cloud.testkit.CloudArchitecture.*

import com.tngtech.archunit.core.domain.JavaClasses
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import spock.lang.Shared
import spock.lang.Specification

/** cloud-backend's architecture rules hold for its main code, and each fails on a deliberate violation. */
class CloudArchitectureSpec extends Specification {

    static final String ROOT = 'org.citygrid.cloud'
    static final String FIXTURE = 'org.citygrid.cloud.archfixture'

    @Shared
    JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT)
    @Shared
    JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE)

    def "cloud-backend's main code: #rule"() {
        when:
        def result = check(ROOT).evaluate(main)

        then:
        result.failureReport.details == []
        main.size() > 80

        where:
        rule                                                  | check
        'no package cycles'                                   | { String root -> noPackageCycles(root) }
        'Kafka Streams only in the streams adapters'          | { String root -> streamsOnlyInAdapters(root) }
        'the ledger and its follow-ups know no Kafka'         | { String root -> domainKnowsNoKafka(root) }
        'JDBC only in the read model'                         | { String root -> jdbcOnlyInReadModel(root) }
        'the ledger knows none of the follow-ups it sets off' | { String root -> ledgerOwnsItsPorts(root) }
    }

    def "a deliberate violation fails the rule: #violation"() {
        when:
        def result = check(FIXTURE).evaluate(fixture)

        then:
        result.hasViolation()
        result.failureReport.details.any { it.contains(names) }
        result.failureReport.details.every { it.contains(culprit) }

        where:
        violation                                 | check                                           || culprit                  | names
        'package a uses b, b uses a'              | { String root -> noPackageCycles(root) }         || 'archfixture.'           | 'Field <org.citygrid.cloud.archfixture.a.A.partner> has type <org.citygrid.cloud.archfixture.b.B>'
        'a ledger holding a Kafka Streams store'  | { String root -> streamsOnlyInAdapters(root) }   || 'LeakyLedger'            | 'Field <org.citygrid.cloud.archfixture.ledger.LeakyLedger.cases> has type <org.apache.kafka.streams.state.KeyValueStore>'
        'a ledger holding a Kafka type'           | { String root -> domainKnowsNoKafka(root) }      || 'LeakyLedger'            | 'LeakyLedger.cases> has type <org.apache.kafka.streams.state.KeyValueStore>'
        'an SLA clock on JDBC'                    | { String root -> jdbcOnlyInReadModel(root) }     || 'SqlClock'               | 'Field <org.citygrid.cloud.archfixture.sla.SqlClock.alarms> has type <java.sql.Connection>'
        'a ledger that knows its notifier'        | { String root -> ledgerOwnsItsPorts(root) }      || 'LeakyLedger'            | 'Field <org.citygrid.cloud.archfixture.ledger.LeakyLedger.notifier> has type <org.citygrid.cloud.archfixture.notify.PushSender>'
    }

    def "the rules are about where: Kafka Streams in streams and JDBC in readmodel pass"() {
        expect:
        streamsOnlyInAdapters(FIXTURE).evaluate(fixture).failureReport.details.every { !it.contains('archfixture.streams.') }
        jdbcOnlyInReadModel(FIXTURE).evaluate(fixture).failureReport.details.every { !it.contains('archfixture.readmodel.') }
    }
}
