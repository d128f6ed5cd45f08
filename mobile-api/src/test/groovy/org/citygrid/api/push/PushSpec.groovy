package org.citygrid.api.push

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.FakeFcm
import org.citygrid.api.testkit.CaseNotifications
import org.citygrid.api.testkit.TestStack
import org.citygrid.model.cases.Role
import spock.lang.Shared
import spock.util.concurrent.PollingConditions

import static org.citygrid.api.testkit.CaseNotifications.to

/** The real Firebase Admin SDK, sending to a local fake FCM endpoint whose requests are asserted. */
@MicronautTest
class PushSpec extends ApiSpec {

    @Shared
    FakeFcm fcm = new FakeFcm()

    @Override
    Map<String, String> getProperties() {
        super.properties + fcm.apiProperties('citygrid.push.intents')
    }

    def cleanupSpec() {
        fcm.close()
    }

    String deviceToken() {
        "fcm-${UUID.randomUUID()}-${UUID.randomUUID()}".toString()
    }

    def "a notice is pushed to the community's topic as an FCM v1 request"() {
        given:
        def operator = user(Role.OPERATOR)

        when:
        def response = post(operator, '/api/v1/notices',
                [communityCode: '110101001001', title: 'Water off Tuesday', body: 'Pipe works 9:00-12:00'])

        then:
        response.status.code == 201
        def request = fcm.requests.find { it.body.message.data?.noticeId == response.body().id }
        request.method == 'POST'
        request.path == '/v1/projects/citygrid-test/messages:send'
        request.authorization == 'Bearer fake-access-token'
        request.body.message.topic == 'community-110101001001'
        request.body.message.notification == [title: 'Water off Tuesday', body: 'Pipe works 9:00-12:00']
    }

    def "a resident sees their community's notices"() {
        given:
        def operator = user(Role.OPERATOR)
        def resident = user(Role.RESIDENT, [community: '110101001777'])
        post(operator, '/api/v1/notices', [communityCode: '110101001777', title: 'Bins moved', body: 'to the north gate'])
        post(operator, '/api/v1/notices', [communityCode: '110101001778', title: 'Elsewhere', body: 'not for you'])

        expect:
        get(resident, '/api/v1/notices').body()*.title == ['Bins moved']
    }

    def "a step of a reported case reaches every device of its reporter"() {
        given:
        def resident = user(Role.RESIDENT)
        def phone = deviceToken()
        def tablet = deviceToken()
        post(resident, '/api/v1/devices', [token: phone, platform: 'android'])
        post(resident, '/api/v1/devices', [token: tablet, platform: 'ios'])
        def caseId = "case-${UUID.randomUUID()}".toString()

        when: 'the case cycle tells the reporter of the filing on grid.notifications'
        CaseNotifications.send(CaseNotifications.of(caseId, 2, [to('CASE_FILED', 'REPORTER', resident.id)],
                [step: 'Filed', state: 'FILED']))

        then:
        new PollingConditions(timeout: 30).eventually {
            def sent = fcm.messages().findAll { it.data?.caseId == caseId }
            assert sent*.token as Set == [phone, tablet] as Set
            assert sent.every { it.notification == [title: '「上水井盖」已立案', body: '您上报的「上水井盖」已立案。'] && it.data.what == 'CASE_FILED' }
        }
    }

    def "a notification read again reaches each device of the reporter once"() {
        given:
        def resident = user(Role.RESIDENT)
        def phone = deviceToken()
        post(resident, '/api/v1/devices', [token: phone, platform: 'android'])
        def caseId = "case-${UUID.randomUUID()}".toString()

        when: 'the dispatch is delivered twice, then the next step once'
        CaseNotifications.send(CaseNotifications.of(caseId, 3, [to('CASE_DISPATCHED', 'REPORTER', resident.id)]), 2)
        CaseNotifications.send(CaseNotifications.of(caseId, 4, [to('CASE_IN_PROGRESS', 'REPORTER', resident.id)],
                [step: 'Accepted', state: 'IN_PROGRESS']))

        then:
        new PollingConditions(timeout: 30).eventually {
            assert fcm.messages().any { it.data?.caseId == caseId && it.data.version == '4' }
        }
        fcm.messages().findAll { it.data?.caseId == caseId && it.data.version == '3' }*.token == [phone]
    }

    def "a token FCM calls UNREGISTERED is pruned"() {
        given:
        def resident = user(Role.RESIDENT)
        def stale = deviceToken()
        fcm.dead << stale
        post(resident, '/api/v1/devices', [token: stale, platform: 'android'])

        when:
        CaseNotifications.send(CaseNotifications.of("case-${UUID.randomUUID()}".toString(), 9,
                [to('CASE_CLOSED', 'REPORTER', resident.id)], [step: 'Closed', state: 'CLOSED']))

        then:
        new PollingConditions(timeout: 30).eventually {
            assert get(resident, '/api/v1/devices').body() == []
            assert TestStack.instance.rows("SELECT outcome FROM api.push_intents WHERE target = ?", ["token:${stale}".toString()])*.outcome == ['TOKEN_PRUNED']
        }
    }

    def "a refreshed token replaces the old one, and a removed token is gone"() {
        given:
        def worker = user(Role.GRID_WORKER)
        def old = deviceToken()
        def fresh = deviceToken()
        post(worker, '/api/v1/devices', [token: old, platform: 'android'])

        when:
        post(worker, '/api/v1/devices', [token: fresh, platform: 'android', replaces: old])

        then:
        get(worker, '/api/v1/devices').body() == [fresh]

        when:
        def removed = exchange(io.micronaut.http.HttpRequest.DELETE("/api/v1/devices/${fresh}").bearerAuth(worker.accessToken))

        then:
        removed.status.code == 204
        get(worker, '/api/v1/devices').body() == []
    }
}
