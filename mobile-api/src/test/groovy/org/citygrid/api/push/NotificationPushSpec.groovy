package org.citygrid.api.push

import groovy.json.JsonOutput
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.CaseNotifications
import org.citygrid.api.testkit.FakeFcm
import org.citygrid.api.testkit.ApiSpec.TestUser
import org.citygrid.api.testkit.TestStack
import org.citygrid.api.testkit.Topics
import org.citygrid.contracts.notify.CaseNotification
import org.citygrid.contracts.topics.TopicCatalogue
import org.citygrid.model.cases.Role
import spock.lang.Shared
import spock.util.concurrent.PollingConditions

import static org.citygrid.api.testkit.CaseNotifications.to

/**
 * The case cycle's notifications (grid.notifications v2, one record per case event with every audience) delivered
 * to the people behind each audience: pushed with the real Firebase Admin SDK to a local fake FCM endpoint, and kept
 * in their inboxes.
 */
@MicronautTest
class NotificationPushSpec extends ApiSpec {

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
        def key = publish(to('TASK_ASSIGNED', 'USER', handler.id))

        then:
        with(awaitPushes(key).first()) {
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
        def key = publish(to('TASK_ASSIGNED', 'USER', handler.id))

        then:
        with(awaitPushes(key).first()) {
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
        def key = publish(to('TASK_ASSIGNED', 'DEPARTMENT', dept))

        then:
        awaitPushes(key, 2)*.token as Set == [first, second] as Set
        !fcm.messages().any { it.token == elsewhere }
    }

    def "#what for a grid reaches the grid workers who cover it, and no other worker"() {
        given:
        def grid = "110101001${String.format('%06d', ++sequence + 700000 % 1000000)}".toString()
        def covering = device(user(Role.GRID_WORKER, [grids: [grid, '110101001001023']]))
        def other = device(user(Role.GRID_WORKER, [grids: ['110101001001023']]))

        when:
        def key = publish([to(what, 'GRID', grid)], [gridCode: grid])

        then:
        with(awaitPushes(key)) {
            it*.token == [covering]
            it.first().notification.title == title
        }
        !fcm.messages().any { it.token == other && it.data.key == key }

        where:
        what            || title
        'VERIFY_NEEDED' || '待核实：上水井盖'
        'CHECK_NEEDED'  || '待核查：上水井盖'
    }

    def "one record tells each audience its own message: the reporters in their words, the handler its task, the desks nothing"() {
        given:
        def reporter = user(Role.RESIDENT)
        def follower = user(Role.RESIDENT)
        def handler = user(Role.HANDLER, [department: 'DRAINAGE'])
        def phones = [reporter, follower, handler].collect { device(it) }

        when: 'the dispatch of a case two residents reported'
        def n = CaseNotifications.of("case-push-${++sequence}".toString(), 3, [to('TASK_ASSIGNED', 'USER', handler.id),
                to('DISPATCH_NEEDED', 'ROLE', 'COMMAND'), to('CASE_DISPATCHED', 'REPORTER', reporter.id),
                to('CASE_DISPATCHED', 'REPORTER', follower.id)])
        CaseNotifications.send(n)

        then: 'three pushes, one to each phone, each with the words for its reader'
        new PollingConditions(timeout: 30).eventually {
            assert fcm.messages().findAll { it.data?.caseId == n.caseId() }*.token as Set == phones as Set
        }
        def sent = fcm.messages().findAll { it.data?.caseId == n.caseId() }
        sent.size() == 3
        sent.find { it.token == phones[0] }.notification == [title: '「上水井盖」已派遣', body: '您上报的「上水井盖」已派遣至排水。']
        sent.find { it.token == phones[1] }.notification == sent.find { it.token == phones[0] }.notification
        sent.find { it.token == phones[2] }.notification.title == '新任务：上水井盖'

        and: "each person's inbox keeps their message"
        get(reporter, '/api/v1/notifications').body().items*.title == ['「上水井盖」已派遣']
        get(follower, '/api/v1/notifications').body().items*.title == ['「上水井盖」已派遣']
        get(handler, '/api/v1/notifications').body().items*.title == ['新任务：上水井盖']
    }

    def "the words a person gave come with the message: #what"() {
        given:
        def reporter = user(Role.RESIDENT)
        def phone = device(reporter)

        when:
        def key = publish([to(what, 'REPORTER', reporter.id)], facts)

        then:
        awaitPushes(key).first().notification.body == body

        where:
        what              | facts                                         || body
        'CASE_DISMISSED'  | [state: 'DISMISSED', reason: '不属于城市管理范围'] || '您上报的「上水井盖」不予立案：不属于城市管理范围。'
        'REPORT_VERIFIED' | [state: 'REPORTED', found: false, reason: '井盖完好'] || '网格员到现场未发现您上报的「上水井盖」所述情况：井盖完好，由监督中心决定是否立案。'
        'CASE_SUSPENDED'  | [state: 'SUSPENDED', reason: '道路封闭至周日']   || '您上报的「上水井盖」暂缓办理：道路封闭至周日。'
    }

    def "a problem taken up in a community goes to the community's topic"() {
        when:
        def key = publish([to('CASE_FILED', 'COMMUNITY', '110101001001')], [state: 'FILED'])

        then:
        new PollingConditions(timeout: 30).eventually {
            def sent = fcm.requests.findAll { it.body.message.data?.key == key }
            assert sent*.body*.message*.topic == ['community-110101001001']
            assert sent.first().body.message.notification == [title: '社区问题已立案', body: '社区内的「上水井盖」已立案处理。']
        }
    }

    def "an unreadable record is set aside as a dead letter, a v1 record is passed over, and the next one is delivered"() {
        given:
        def handler = user(Role.HANDLER, [department: 'DRAINAGE'])
        def phone = device(handler)
        def unreadable = "case-push-bad-${UUID.randomUUID()}".toString()
        def older = "case-push-v1-${UUID.randomUUID()}".toString()
        Topics.send(TestStack.NOTIFICATIONS, unreadable, '{"v":2,"notificationId":'.bytes)
        Topics.send(TestStack.NOTIFICATIONS, older, JsonOutput.toJson([v: 1, intentId: "${older}:1:0", caseId: older,
                caseVersion: 1, at: '2026-03-02T01:10:00Z', what: 'TASK_ASSIGNED', audience: [kind: 'USER', id: handler.id],
                state: 'DISPATCHED', categoryCode: 'C0101', gridCode: '110101001001023']).bytes)

        when:
        def key = publish(to('REWORK', 'USER', handler.id))

        then:
        awaitPushes(key)*.token == [phone]
        def letters = Topics.readAll(TestStack.DEAD_LETTERS).collect { TopicCatalogue.DEAD_LETTERS.read(it.value()) }
        letters.findAll { it.recordKey() == unreadable }*.reason()*.startsWith('unreadable: not a notification') == [true]
        letters.findAll { it.recordKey() == older }.isEmpty()
        fcm.messages().findAll { it.data?.caseId == older }.isEmpty()
    }

    def "a record read again, as after a crash before the offset was committed, reaches each phone once"() {
        given:
        def handler = user(Role.HANDLER, [department: 'DRAINAGE'])
        def phone = device(handler)
        def other = user(Role.HANDLER, [department: 'DRAINAGE'])
        device(other)

        when: 'the same record is on the topic twice, then a later one'
        def key = publish([to('TASK_ASSIGNED', 'USER', handler.id)], [:], 2)
        def later = publish(to('TASK_ASSIGNED', 'USER', other.id))
        awaitPushes(later)

        then:
        fcm.messages().findAll { it.data?.key == key }*.token == [phone]
        get(handler, '/api/v1/notifications').body().items.size() == 1
    }

    private String device(TestUser who) {
        String token = "fcm-${UUID.randomUUID()}-${UUID.randomUUID()}".toString()
        assert post(who, '/api/v1/devices', [token: token, platform: 'android']).status.code in [200, 201, 204]
        token
    }

    private String publish(CaseNotification.Recipient recipient) {
        publish([recipient])
    }

    /** Publishes a notification of case-push-1 to {@code recipients}, {@code copies} times; returns the first recipient's message key. */
    private String publish(List<CaseNotification.Recipient> recipients, Map facts = [:], int copies = 1) {
        def n = CaseNotifications.of('case-push-1', ++sequence, recipients, facts)
        CaseNotifications.send(n, copies)
        CaseNotifications.key(n, recipients.first())
    }

    private List<Map> awaitPushes(String key, int count = 1) {
        new PollingConditions(timeout: 30).eventually {
            assert fcm.messages().count { it.data?.key == key } == count
        }
        fcm.messages().findAll { it.data?.key == key }
    }
}
