package org.citygrid.api.architecture

import com.tngtech.archunit.core.domain.JavaClasses
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import com.tngtech.archunit.lang.EvaluationResult
import spock.lang.Shared
import spock.lang.Specification

/**
 * mobile-api keeps its layers (docs/architecture.md): no HTTP types below the controllers and the
 * problem mapping, no JDBC outside the stores, no package cycles. Each rule is also run on a fixture
 * of deliberate violations (org.citygrid.api.archfixture), to show that it can fail and names the
 * offender.
 */
class ArchitectureSpec extends Specification {

    static final String API = 'org.citygrid.api'
    static final String FIXTURE = 'org.citygrid.api.archfixture'

    @Shared
    JavaClasses api = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(API)

    @Shared
    JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE)

    def "the API's classes were found (a rule over nothing would pass)"() {
        expect:
        api.size() > 150
        api.contain('org.citygrid.api.reports.ReportService')
        !api.containPackage(FIXTURE)
    }

    def "mobile-api keeps the rule: #rule"() {
        when:
        EvaluationResult result = ApiLayerRules."$rule"(API).evaluate(api)

        then: 'no violation (the list names each one when there are)'
        result.failureReport.details == []

        where:
        rule << ['noHttpBelowControllers', 'noSqlOutsideStores', 'noPackageCycles']
    }

    def "the rule #rule fails on the fixture's #offender"() {
        when:
        EvaluationResult result = ApiLayerRules."$rule"(FIXTURE).evaluate(fixture)
        String report = result.failureReport.details.join('\n')

        then:
        result.hasViolation()
        report.contains(offender)
        !cleanOnes.any { report.contains(it) }

        where:
        rule                     | offender                                         | cleanOnes
        'noHttpBelowControllers' | "${FIXTURE}.service.LeakyService"               | ["${FIXTURE}.service.SqlInService", "${FIXTURE}.cyclea.Cases"]
        'noSqlOutsideStores'     | "${FIXTURE}.service.SqlInService"               | ["${FIXTURE}.service.LeakyService", "${FIXTURE}.cyclea.Cases"]
        'noPackageCycles'        | "${FIXTURE}.cyclea.Cases"                       | ["${FIXTURE}.service"]
    }

    def "the web layer is what the rules say it is"() {
        given:
        def web = ApiLayerRules.webLayer(API)

        expect:
        web.test(api.get(name)) == isWeb

        where:
        name                                             | isWeb
        'org.citygrid.api.reports.ReportsController'     | true
        'org.citygrid.api.problem.DomainErrors'          | true
        'org.citygrid.api.web.IdempotentResponses'       | true
        'org.citygrid.api.ratelimit.SignInLimitFilter'   | true
        'org.citygrid.api.manage.AdminOnlyEndpoints'     | true
        'org.citygrid.api.accounts.SignIns'              | false
        'org.citygrid.api.ogcapi.MapKeyAuthentication'   | true
        'org.citygrid.api.reports.ReportService'         | false
        'org.citygrid.api.kafka.GridPublisher'           | false
        'org.citygrid.api.idempotency.Idempotency'       | false
    }
}
