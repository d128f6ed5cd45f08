package org.citygrid.api.push

import groovy.json.JsonOutput
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.FakeFcm
import org.citygrid.api.testkit.ApiSpec.TestUser
import org.citygrid.api.testkit.TestStack
import org.citygrid.api.testkit.Topics
import org.citygrid.contracts.topics.TopicCatalogue
import org.citygrid.model.cases.Role
import spock.lang.Shared
import spock.util.concurrent.PollingConditions

/**
 * The case cycle's notification intents on grid.notifications, pushed with the real Firebase Admin SDK to a local
 * fake FCM endpoint: to the people who must act, found from their accounts.
 */
@MicronautTest
class IntentPushSpec extends ApiSpec {

    @Shared
    FakeFcm fcm = new FakeFcm()
    @Shared
    int sequence

    @Override
    Map<String, String> getProperties() {
        super.properties + fcm.apiProperties('citygrid.push.intents')
    }

    def cleanupSpec() {
        fcm.close()
    }

    def "a task assigned to a handler reaches that handler's phone"() {
        given:
        def handler = user(Role.HANDLER, [department: 'DRAINAGE'])
        def phone = device(handler)

        when:
        def id = publish('TASK_ASSIGNED', [kind: 'USER', id: handler.id])

        then:
        with(awaitPushes(id).first()) {
            token == phone
            notification.title == '新任务：上水井盖'
            notification.body == '「上水井盖」（网格 110101001001023）派给您处置，请受理或退回。'
            data.what == 'TASK_ASSIGNED'
            data.caseId == 'case-push-1'
        }
    }

    def "a phone registered in English gets its messages in English, the inbox keeps both"() {
        given:
        def handler = user(Role.HANDLER, [department: 'DRAINAGE'])
        String token = "fcm-${UUID.randomUUID()}-${UUID.randomUUID()}".toString()
        assert post(handler, '/api/v1/devices', [token: token, platform: 'ios', language: 'en']).status.code == 201

        when:
        def id = publish('TASK_ASSIGNED', [kind: 'USER', id: handler.id])

        then:
        with(awaitPushes(id).first()) {
            it.token == token
            notification.title == 'New task: Water-supply manhole cover'
            notification.body == "'Water-supply manhole cover' in grid 110101001001023 was dispatched to you: please accept it or return it."
        }
        get(handler, '/api/v1/notifications').body().items*.title == ['新任务：上水井盖']
    }

    def "a task for a department reaches every handler of that department and no one else's"() {
        given:
        def dept = "DEPT_${UUID.randomUUID().toString().take(8)}".toString()
        def first = device(user(Role.HANDLER, [department: dept]))
        def second = device(user(Role.HANDLER, [department: dept]))
        def elsewhere = device(user(Role.HANDLER, [department: 'ROADS']))

        when:
        def id = publish('TASK_ASSIGNED', [kind: 'DEPARTMENT', id: dept])

        then:
        awaitPushes(id, 2)*.token as Set == [first, second] as Set
        !fcm.messages().any { it.token == elsewhere }
    }

    def "#what for a grid reaches the grid workers who cover it, and no other worker"() {
        given:
        def grid = "110101001${String.format('%06d', ++sequence + 700000 % 1000000)}".toString()
        def covering = device(user(Role.GRID_WORKER, [grids: [grid, '110101001001023']]))
        def other = device(user(Role.GRID_WORKER, [grids: ['110101001001023']]))

        when:
        def id = publish(what, [kind: 'GRID', id: grid], [gridCode: grid])

        then:
        with(awaitPushes(id)) {
            it*.token == [covering]
            it.first().notification.title == title
        }
        !fcm.messages().any { it.token == other && it.data.key == "intent:${id}".toString() }

        where:
        what            || title
        'VERIFY_NEEDED' || '待核实：上水井盖'
        'CHECK_NEEDED'  || '待核查：上水井盖'
    }

    def "what a reporter is told of their own case is left to the case events, and the desks are not pushed"() {
        given:
        def resident = user(Role.RESIDENT)
        def phone = device(resident)
        def handler = user(Role.HANDLER, [department: 'DRAINAGE'])
        device(handler)

        when: 'two intents that are not pushed, then one that is, on the same case (one partition, in order)'
        def toReporter = publish('CASE_FILED', [kind: 'USER', id: resident.id])
        def toDesk = publish('REPORT_TO_FILE', [kind: 'ROLE', id: 'SUPERVISION'])
        def marker = publish('TASK_ASSIGNED', [kind: 'USER', id: handler.id])
        awaitPushes(marker)

        then:
        !fcm.messages().any { it.data?.key in ["intent:${toReporter}".toString(), "intent:${toDesk}".toString()] }
        !fcm.messages().any { it.token == phone }
    }

    def "a problem taken up in a community goes to the community's topic"() {
        when:
        def id = publish('CASE_FILED', [kind: 'COMMUNITY', id: '110101001001'])

        then:
        new PollingConditions(timeout: 30).eventually {
            def sent = fcm.requests.findAll { it.body.message.data?.key == "intent:${id}".toString() }
            assert sent*.body*.message*.topic == ['community-110101001001']
            assert sent.first().body.message.notification == [title: '社区问题已立案', body: '社区内的「上水井盖」已立案处理。']
        }
    }

    def "an unreadable intent is set aside as a dead letter, a later version is passed over, and the next one is delivered"() {
        given:
        def handler = user(Role.HANDLER, [department: 'DRAINAGE'])
        def phone = device(handler)
        def unreadable = "case-push-bad-${UUID.randomUUID()}".toString()
        def later = "case-push-v2-${UUID.randomUUID()}".toString()
        Topics.send(TestStack.NOTIFICATIONS, unreadable, '{"v":1,"what":'.bytes)
        Topics.send(TestStack.NOTIFICATIONS, later, JsonOutput.toJson([v: 2, notificationId: "${later}:1", caseId: later,
                recipients: [[what: 'TASK_ASSIGNED', audience: [kind: 'USER', id: handler.id]]]]).bytes)

        when:
        def id = publish('REWORK', [kind: 'USER', id: handler.id])

        then:
        awaitPushes(id)*.token == [phone]
        def letters = Topics.readAll(TestStack.DEAD_LETTERS).collect { TopicCatalogue.DEAD_LETTERS.read(it.value()) }
        letters.findAll { it.recordKey() == unreadable }*.reason()*.startsWith('unreadable: not a notification intent') == [true]
        letters.findAll { it.recordKey() == later }.isEmpty()
        fcm.messages().findAll { it.data?.caseId == later }.isEmpty()
    }

    def "an intent read again, as after a crash before the offset was committed, reaches each phone once"() {
        given:
        def handler = user(Role.HANDLER, [department: 'DRAINAGE'])
        def phone = device(handler)
        def other = user(Role.HANDLER, [department: 'DRAINAGE'])
        device(other)

        when: 'the same intent is on the topic twice, then a later one'
        def id = publish('TASK_ASSIGNED', [kind: 'USER', id: handler.id], [:], 2)
        def later = publish('TASK_ASSIGNED', [kind: 'USER', id: other.id])
        awaitPushes(later)

        then:
        fcm.messages().findAll { it.data?.key == "intent:${id}".toString() }*.token == [phone]
    }

    private String device(TestUser who) {
        String token = "fcm-${UUID.randomUUID()}-${UUID.randomUUID()}".toString()
        assert post(who, '/api/v1/devices', [token: token, platform: 'android']).status.code in [200, 201, 204]
        token
    }

    /** Publishes an intent as cloud-backend writes it (docs/cloud-backend.md), {@code copies} times; returns its id. */
    private String publish(String what, Map audience, Map more = [:], int copies = 1) {
        String id = "case-push-1:${++sequence}:0".toString()
        def intent = [v           : 1, intentId: id, caseId: 'case-push-1', caseVersion: sequence,
                      at          : '2026-03-02T01:10:00Z', what: what, audience: audience, state: 'DISPATCHED',
                      categoryCode: 'C0101', gridCode: '110101001001023', department: 'DRAINAGE'] + more
        copies.times { Topics.send(TestStack.NOTIFICATIONS, 'case-push-1', JsonOutput.toJson(intent).bytes) }
        id
    }

    private List<Map> awaitPushes(String intentId, int count = 1) {
        new PollingConditions(timeout: 30).eventually {
            assert fcm.messages().count { it.data?.key == "intent:${intentId}".toString() } == count
        }
        fcm.messages().findAll { it.data?.key == "intent:${intentId}".toString() }
    }
}
