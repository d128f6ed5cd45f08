package org.citygrid.api

import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.yaml.snakeyaml.Yaml
import spock.lang.Shared

/** The OpenAPI document as served: what generated clients rely on. */
@MicronautTest
class OpenApiSpec extends ApiSpec {

    static final List<String> RATES = ['validReportRate', 'onTimeVerificationRate', 'onTimeDispatchRate', 'closureRate',
                                       'onTimeClosureRate', 'onTimeHandlingRate', 'onTimeCheckRate', 'reworkRate',
                                       'returnRate', 'averageHandlingHours', 'satisfactionRate', 'averageScore']
    static final List<String> COUNTS = ['reports', 'validReports', 'filed', 'closed', 'overdueCount']

    @Shared
    Map document

    def setup() {
        document = document ?: new Yaml().load(http.toBlocking().retrieve(HttpRequest.GET('/swagger/citygrid-mobile-api.yml'), String)) as Map
    }

    Map schema(String name) {
        document.components.schemas[name] as Map
    }

    def "the OpenAPI document is generated from the code and served with a browsable UI"() {
        when:
        def ui = http.toBlocking().retrieve(HttpRequest.GET('/swagger-ui/index.html'), String)

        then:
        document.paths.containsKey('/api/v1/accounts/me')
        ui.contains('swagger-ui')
    }

    def "the indicator #field is a number that may be null, and always present"() {
        when:
        def figures = schema('IndicatorFigures')

        then:
        figures.properties[field].type == 'number'
        figures.properties[field].nullable == true
        field in figures.required

        where:
        field << RATES
    }

    def "the counter #field is never null"() {
        expect:
        schema('IndicatorFigures').properties[field].type == 'integer'
        !schema('IndicatorFigures').properties[field].nullable
        field in schema('IndicatorFigures').required

        where:
        field << COUNTS
    }

    def "every property of the indicators is one of the rates or counts checked here"() {
        expect: 'a new figure must be added to RATES or COUNTS, and so be checked'
        schema('IndicatorFigures').properties.keySet() == (RATES + COUNTS) as Set
    }

    def "an indicator table's level is not required: departments and categories have none"() {
        expect:
        !('level' in schema('IndicatorViews.Table').required)
        'rows' in schema('IndicatorViews.Table').required
    }
}
