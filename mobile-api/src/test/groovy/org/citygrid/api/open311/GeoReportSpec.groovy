package org.citygrid.api.open311

import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.api.testkit.TestStack
import org.citygrid.api.testkit.Topics
import org.citygrid.model.cases.Channel
import org.citygrid.model.cases.Role
import org.citygrid.model.wire.WireCodec
import spock.lang.Shared
import spock.lang.Stepwise

/** GeoReport v2 as a client walks it: discover, list services, post, follow the token, read requests. */
@MicronautTest
@Stepwise
class GeoReportSpec extends ApiSpec {

    @Shared String apiKey
    @Shared String apiKeyId
    @Shared String token
    @Shared String caseId

    def raw(HttpRequest request) {
        def r = exchange(request)
        [status: r.status.code, type: r.contentType, text: r.response.getBody(String).orElse(r.body()?.toString())]
    }

    def getText(String path) {
        def r = http.toBlocking().exchange(HttpRequest.GET(path), String)
        [status: r.status.code, type: r.contentType.get().toString(), text: r.body()]
    }

    def "an administrator issues an api_key for a client"() {
        when:
        def admin = user(Role.ADMIN)
        def issued = post(admin, '/api/v1/admin/open311-keys', [client: 'city app'])

        apiKey = issued.body().apiKey
        apiKeyId = issued.body().id

        then:
        issued.status.code == 201
        apiKey.length() >= 40
    }

    def "discovery names the GeoReport v2 endpoint and both formats, in JSON and XML"() {
        when:
        def json = new JsonSlurper().parseText(getText('/open311/v2/discovery.json').text)
        def xml = new XmlSlurper().parseText(getText('/open311/v2/discovery.xml').text)

        then:
        json.endpoints[0].specification == 'http://wiki.open311.org/GeoReport_v2'
        json.endpoints[0].formats == ['application/json', 'text/xml']
        xml.name() == 'discovery'
        xml.endpoints.endpoint.formats.format*.text() == ['application/json', 'text/xml']
    }

    def "the service list is CityGrid's categories with their service codes and groups"() {
        when:
        def services = new JsonSlurper().parseText(getText('/open311/v2/services.json').text)
        def xml = new XmlSlurper().parseText(getText('/open311/v2/services.xml').text)

        then:
        def cover = services.find { it.service_code == 'C0101' }
        cover.service_name
        cover.group
        cover.type == 'realtime'
        cover.metadata == false
        xml.service.size() == services.size()
    }

    def "a service definition has no extra attributes"() {
        expect:
        new JsonSlurper().parseText(getText('/open311/v2/services/C0101.json').text) == [service_code: 'C0101', attributes: []]
    }

    def "a client posts a request with its api_key and gets a token; an OPEN311 intake record is sent"() {
        when:
        def r = http.toBlocking().exchange(HttpRequest.POST('/open311/v2/requests.json',
                [api_key: apiKey, service_code: 'C0101', lat: '39.91449', long: '116.40325',
                 description: 'manhole cover rattles', email: 'someone@example.org'])
                .contentType(MediaType.APPLICATION_FORM_URLENCODED), String)
        def answer = new JsonSlurper().parseText(r.body())

        token = answer[0].token

        then:
        r.status.code == 201
        token.startsWith('o311-')
        answer[0].service_notice

        and:
        def intake = WireCodec.intake().read(Topics.withKey(TestStack.INTAKE, token)[0].value())
        intake.channel() == Channel.OPEN311
        intake.categoryCode() == 'C0101'
        intake.description() == 'manhole cover rattles'
        !new String(Topics.withKey(TestStack.INTAKE, token)[0].value(), 'UTF-8').contains('someone@example.org')
    }

    def "the token has no service_request_id until the case cycle has placed the report"() {
        expect:
        new JsonSlurper().parseText(getText("/open311/v2/tokens/${token}.json").text) == [[token: token]]
    }

    def "once the read model shows the case, the token gives its service_request_id"() {
        given:
        caseId = ReadModelFixture.insertCase(channel: 'OPEN311', reporterId: 'open311:city-app', state: 'DISPATCHED',
                department: 'DRAINAGE', description: 'manhole cover rattles').caseId
        ReadModelFixture.insertEvent(caseId, 1, 'Reported', "intake:${token}")

        expect:
        new JsonSlurper().parseText(getText("/open311/v2/tokens/${token}.json").text) == [[service_request_id: caseId, token: token]]
    }

    def "the request reads back by id in XML with its status and agency"() {
        when:
        def xml = new XmlSlurper().parseText(getText("/open311/v2/requests/${caseId}.xml").text)

        then:
        xml.name() == 'service_requests'
        xml.request.service_request_id.text() == caseId
        xml.request.status.text() == 'open'
        xml.request.agency_responsible.text() == 'DRAINAGE'
        xml.request.service_code.text() == 'C0101'
    }

    def "GET requests filters by id, service code and status"() {
        given:
        def closed = ReadModelFixture.insertCase(state: 'CLOSED', categoryCode: 'E0401').caseId

        expect:
        ids("service_request_id=${caseId},${closed}") as Set == [caseId, closed] as Set
        ids("service_request_id=${caseId},${closed}&status=closed") == [closed]
        ids("service_request_id=${caseId},${closed}&service_code=C0101") == [caseId]
        ids("service_request_id=${caseId},${closed}&status=open&service_code=E0401") == []
    }

    List ids(String query) {
        new JsonSlurper().parseText(getText("/open311/v2/requests.json?${query}").text)*.service_request_id
    }

    def "errors come in the spec's format, in JSON and in XML"() {
        when:
        def badKey = raw(HttpRequest.POST('/open311/v2/requests.json',
                [api_key: 'wrong', service_code: 'C0101', lat: '39.9', long: '116.4'])
                .contentType(MediaType.APPLICATION_FORM_URLENCODED))
        def unknown = raw(HttpRequest.GET('/open311/v2/services/X9999.xml'))
        def outside = raw(HttpRequest.POST('/open311/v2/requests.json',
                [api_key: apiKey, service_code: 'C0101', lat: '31.23', long: '121.47'])
                .contentType(MediaType.APPLICATION_FORM_URLENCODED))

        then:
        badKey.status == 403
        new JsonSlurper().parseText(badKey.text) == [[code: 403, description: 'a valid api_key is required']]
        unknown.status == 404
        new XmlSlurper().parseText(unknown.text).error.code.text() == '404'
        outside.status == 400
        new JsonSlurper().parseText(outside.text)[0].description.contains('outside the managed city')
    }

    def "an administrator revokes the api_key, and from then on it posts nothing"() {
        when:
        def revoked = exchange(HttpRequest.DELETE("/api/v1/admin/open311-keys/${apiKeyId}").bearerAuth(user(Role.ADMIN).accessToken))
        def posted = raw(HttpRequest.POST('/open311/v2/requests.json',
                [api_key: apiKey, service_code: 'C0101', lat: '39.91449', long: '116.40325'])
                .contentType(MediaType.APPLICATION_FORM_URLENCODED))

        then:
        revoked.status.code == 204
        posted.status == 403
    }
}
