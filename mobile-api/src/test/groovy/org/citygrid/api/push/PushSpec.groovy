package org.citygrid.api.push

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.FakeFcm
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.api.testkit.TestStack
import org.citygrid.api.testkit.Topics
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseChange
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.cases.Role
import spock.lang.Shared
import spock.util.concurrent.PollingConditions

import java.time.Instant

/** The real Firebase Admin SDK, sending to a local fake FCM endpoint whose requests are asserted. */
@MicronautTest
class PushSpec extends ApiSpec {

    @Shared
    FakeFcm fcm = new FakeFcm()

    @Override
    Map<String, String> getProperties() {
        super.properties + fcm.apiProperties('citygrid.push.case-events')
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

    def "a state change of a followed case reaches every device of its reporter"() {
        given:
        def resident = user(Role.RESIDENT)
        def phone = deviceToken()
        def tablet = deviceToken()
        post(resident, '/api/v1/devices', [token: phone, platform: 'android'])
        post(resident, '/api/v1/devices', [token: tablet, platform: 'ios'])
        def c = ReadModelFixture.insertCase(reporterId: resident.id, state: 'FILED')

        when: 'cloud-backend records the filing on grid.case-events'
        Topics.publish(new CaseEvent(c.caseId, 2, Instant.parse('2026-03-02T01:10:00Z'), Actor.of('operator-1', Role.OPERATOR),
                'cmd-file-9', new CaseChange.Filed('meets criteria', false, Instant.parse('2026-03-02T03:10:00Z'))))

        then:
        new PollingConditions(timeout: 30).eventually {
            def sent = fcm.messages().findAll { it.data?.caseId == c.caseId }
            assert sent*.token as Set == [phone, tablet] as Set
            assert sent.every { it.notification == [title: '「上水井盖」已立案', body: '您上报的「上水井盖」已立案。'] && it.data.what == 'CASE_FILED' }
        }
    }

    def "a case event read again reaches each device of the reporter once"() {
        given:
        def resident = user(Role.RESIDENT)
        def phone = deviceToken()
        post(resident, '/api/v1/devices', [token: phone, platform: 'android'])
        def c = ReadModelFixture.insertCase(reporterId: resident.id, state: 'DISPATCHED')
        def dispatched = new CaseEvent(c.caseId, 3, Instant.parse('2026-03-02T01:20:00Z'), Actor.of('operator-1', Role.OPERATOR),
                'cmd-dispatch-7', new CaseChange.Dispatched('DRAINAGE', null, 'rain-water cover', false,
                Instant.parse('2026-03-03T03:20:00Z')))

        when: 'the event is delivered twice, then the next one once'
        Topics.publish(dispatched)
        Topics.publish(dispatched)
        Topics.publish(new CaseEvent(c.caseId, 4, Instant.parse('2026-03-02T02:20:00Z'), Actor.handler('handler-1', 'DRAINAGE'),
                'cmd-accept-7', new CaseChange.Accepted('handler-1')))

        then:
        new PollingConditions(timeout: 30).eventually {
            assert fcm.messages().any { it.data?.caseId == c.caseId && it.data.version == '4' }
        }
        fcm.messages().findAll { it.data?.caseId == c.caseId && it.data.version == '3' }*.token == [phone]
    }

    def "a token FCM calls UNREGISTERED is pruned"() {
        given:
        def resident = user(Role.RESIDENT)
        def stale = deviceToken()
        fcm.dead << stale
        post(resident, '/api/v1/devices', [token: stale, platform: 'android'])
        def c = ReadModelFixture.insertCase(reporterId: resident.id, state: 'CLOSED')

        when:
        Topics.publish(new CaseEvent(c.caseId, 9, Instant.parse('2026-03-03T01:10:00Z'), Actor.of('operator-1', Role.OPERATOR),
                'cmd-close-9', new CaseChange.Closed('fixed')))

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
