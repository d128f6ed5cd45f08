package org.citygrid.api.reports

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.support.ApiSpec
import org.citygrid.model.cases.Role

@MicronautTest
class ReportRateLimitSpec extends ApiSpec {

    @Override
    Map<String, String> getProperties() {
        super.properties + ['citygrid.rate-limits.reports.limit': '2', 'citygrid.rate-limits.reports.window': 'PT1H']
    }

    def "a resident's third report within the window is refused with 429, and retries of earlier ones still replay"() {
        given:
        def resident = user(Role.RESIDENT)
        def body = [categoryCode: 'E0401', description: 'dumped rubble', position: [lon: 116.40325, lat: 39.91449]]
        def firstKey = UUID.randomUUID().toString()

        when:
        def answers = [post(resident, '/api/v1/reports', body, firstKey),
                       post(resident, '/api/v1/reports', body),
                       post(resident, '/api/v1/reports', body),
                       post(resident, '/api/v1/reports', body, firstKey)]

        then:
        answers*.status*.code == [202, 202, 429, 202]
        answers[2].header('Retry-After')
    }

    def "the limit counts per person"() {
        given:
        def busy = user(Role.RESIDENT)
        def other = user(Role.RESIDENT)
        def body = [categoryCode: 'E0401', position: [lon: 116.40325, lat: 39.91449]]
        3.times { post(busy, '/api/v1/reports', body) }

        expect:
        post(other, '/api/v1/reports', body).status.code == 202
    }
}
