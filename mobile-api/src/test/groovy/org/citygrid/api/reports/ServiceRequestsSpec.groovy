package org.citygrid.api.reports

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.TestStack
import org.citygrid.api.testkit.Topics
import org.citygrid.model.cases.Channel
import org.citygrid.model.cases.Role
import org.citygrid.model.wire.WireCodec

@MicronautTest
class ServiceRequestsSpec extends ApiSpec {

    def request(String code) {
        [categoryCode: code, description: 'kitchen tap leaks', position: [lon: 116.40325, lat: 39.91449]]
    }

    def "a resident's service request travels to grid.intake with its service category"() {
        given:
        def resident = user(Role.RESIDENT)

        when:
        def response = post(resident, '/api/v1/service-requests', request('S9101'))

        then:
        response.status.code == 202
        response.header('Location') == "/api/v1/service-requests/${response.body().id}"
        def intake = WireCodec.intake().read(Topics.withKey(TestStack.INTAKE, response.body().id)[0].value())
        intake.categoryCode() == 'S9101'
        intake.channel() == Channel.RESIDENT
    }

    def "service requests and problem reports are listed apart"() {
        given:
        def resident = user(Role.RESIDENT)
        def service = post(resident, '/api/v1/service-requests', request('S9101')).body().id
        def problem = post(resident, '/api/v1/reports', request('C0101')).body().id

        expect:
        get(resident, '/api/v1/service-requests').body()*.reportId == [service]
        get(resident, '/api/v1/reports').body()*.reportId == [problem]
        get(resident, "/api/v1/service-requests/${service}").body().status == 'SUBMITTED'
    }

    def "a problem category is not a service request"() {
        given:
        def resident = user(Role.RESIDENT)

        expect:
        post(resident, '/api/v1/service-requests', request('C0101')).status.code == 422
    }
}
