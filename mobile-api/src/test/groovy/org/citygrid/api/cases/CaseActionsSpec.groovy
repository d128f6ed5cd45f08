package org.citygrid.api.cases

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.CaseHistories
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.api.testkit.TestStack
import org.citygrid.api.testkit.Topics
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseState
import org.citygrid.model.cases.CommandRejected
import org.citygrid.model.cases.RejectionReason
import org.citygrid.model.cases.Role
import org.citygrid.model.wire.WireCodec
import spock.util.concurrent.PollingConditions

import java.time.Instant

/**
 * Case steps through the whole stack: HTTP, the real broker and PostGIS, the rejections reader. Which
 * role may take which step, the scope rule and the decoding of actions are
 * CommandServiceSpec's, on plain objects; here one of each kind shows the wiring.
 */
@MicronautTest
class CaseActionsSpec extends ApiSpec {

    @Override
    Map<String, String> getProperties() {
        super.properties + ['citygrid.rejections.enabled': 'true']
    }

    def dispatchedTo(String department, Map more = [:]) {
        ReadModelFixture.insertCase([state: 'DISPATCHED', version: 3L, department: department, activeStage: 'HANDLING'] + more)
    }

    def "a handler accepts a case of their department: a case command goes to grid.commands keyed by case id"() {
        given:
        def handler = user(Role.HANDLER, [department: 'DRAINAGE'])
        def c = dispatchedTo('DRAINAGE')

        when:
        def response = post(handler, "/api/v1/cases/${c.caseId}/actions", [type: 'Accept', expectedVersion: 3])

        then:
        response.status.code == 202
        def commandId = response.body().id
        def sent = Topics.withKey(TestStack.COMMANDS, c.caseId).collect { WireCodec.commands().read(it.value()) }
        sent*.commandId() == [commandId]
        sent[0].actor() == Actor.handler(handler.id, 'DRAINAGE')
        sent[0].action() == new CaseAction.Accept()
        sent[0].expectedVersion() == 3L
    }

    def "a case shows the extension request waiting for an operator, until the case cycle settles it"() {
        given:
        def operator = user(Role.OPERATOR)
        def c = dispatchedTo('DRAINAGE', [state: 'IN_PROGRESS', version: 5L,
                                          pendingExtension: [extra: 'PT8H', reason: 'part on order', requestedBy: 'handler-3']])

        when:
        def waiting = get(operator, "/api/v1/cases/${c.caseId}").body()
        ReadModelFixture.insertCase(c + [version: 6L, pendingExtension: null])
        def settled = get(operator, "/api/v1/cases/${c.caseId}").body()

        then:
        waiting.pendingExtension == [extra: 'PT8H', reason: 'part on order', requestedBy: 'handler-3']
        settled.version == 6
        !settled.containsKey('pendingExtension')
    }

    def "the sender follows a command from PENDING to REJECTED with the case cycle's reason"() {
        given:
        def handler = user(Role.HANDLER, [department: 'DRAINAGE'])
        def c = dispatchedTo('DRAINAGE')
        def commandId = post(handler, "/api/v1/cases/${c.caseId}/actions", [type: 'Return', reason: 'not ours']).body().id

        expect:
        get(handler, "/api/v1/commands/${commandId}").body().status == 'PENDING'

        when: 'cloud-backend refuses it on grid.command-rejections'
        def rejection = new CommandRejected(commandId, c.caseId, Actor.handler(handler.id, 'DRAINAGE'),
                Instant.parse('2026-03-02T03:00:00Z'), RejectionReason.WRONG_STATE, 'the case is not held by a department')
        Topics.send(TestStack.REJECTIONS, c.caseId, WireCodec.commandRejections().write(rejection))

        then:
        new PollingConditions(timeout: 20).eventually {
            def status = get(handler, "/api/v1/commands/${commandId}").body()
            assert status.status == 'REJECTED'
            assert status.reason == 'WRONG_STATE'
            assert status.message == 'the case is not held by a department'
        }
    }

    def "a command whose event the read model shows is APPLIED at that case version"() {
        given:
        def operator = user(Role.OPERATOR)
        def c = ReadModelFixture.insertCase(state: 'REPORTED')
        def commandId = post(operator, "/api/v1/cases/${c.caseId}/actions", [type: 'File', note: 'meets criteria']).body().id

        when:
        ReadModelFixture.insertEvent(c.caseId, 2, 'Filed', commandId, [note: 'meets criteria'], operator.id, 'OPERATOR')

        then:
        with(get(operator, "/api/v1/commands/${commandId}").body()) {
            status == 'APPLIED'
            caseVersion == 2
        }
    }

    def "a case view lists the steps its viewer may take now, read from the case's history"() {
        given:
        def caseId = "case-${UUID.randomUUID()}".toString()
        ReadModelFixture.insertCase(caseId: caseId, state: 'REPORTED', gridCode: '110101001001001', reporterId: 'resident-1')
        ReadModelFixture.insertHistory(CaseHistories.to(CaseState.REPORTED, caseId))
        def operator = user(Role.OPERATOR)
        def worker = user(Role.GRID_WORKER, [grids: ['110101001001001']])

        when:
        def forOperator = get(operator, "/api/v1/cases/${caseId}").body()
        def forWorker = get(worker, "/api/v1/cases/${caseId}").body()

        then:
        forOperator.allowedActions*.type.containsAll(['File', 'Dismiss'])
        !('Verify' in forOperator.allowedActions*.type)
        forWorker.allowedActions*.type == ['Verify']
        forWorker.allowedActions[0] == [type: 'Verify', redispatch: false, reason: 'ABSENT', note: 'REQUIRED_WHEN_NEGATIVE',
                                        evidence: 'REQUIRED', department: 'ABSENT', supervisor: 'ABSENT']
    }

    def "#what is answered 403 #type at once, from the case's history in the read model, and nothing is sent"() {
        given:
        def worker = user(Role.GRID_WORKER, [grids: ['110101001001001']])
        def caseId = "case-${UUID.randomUUID()}".toString()
        ReadModelFixture.insertCase(caseId: caseId, state: state, gridCode: '110101001001001', department: 'SANITATION')
        ReadModelFixture.insertHistory(CaseHistories.walk(caseId, history(worker.id)))

        when:
        def response = post(worker, "/api/v1/cases/${caseId}/actions", action)

        then:
        response.status.code == 403
        response.contentType == 'application/problem+json'
        response.body().type == "urn:citygrid:problem:${type}".toString()
        response.body().detail.startsWith(zh)
        Topics.withKey(TestStack.COMMANDS, caseId).isEmpty()
        TestStack.instance.rows('SELECT count(*) AS n FROM api.commands WHERE case_id = ?', [caseId])[0].n == 0

        where:
        what                              | state      | history                                  | action                                      || type         | zh
        'a worker verifying their report' | 'REPORTED' | { String id -> CommandServiceSpec.ownReport(id) } | [type: 'Verify', found: true, evidence: []] || 'own-report' | '这是您本人的举报'
        'a worker checking their work'    | 'HANDLED'  | { String id -> CommandServiceSpec.ownWork(id) }   | [type: 'Check', passed: true, evidence: []] || 'own-work'   | '您处置的案件'
    }

    def "a handler of another department does not find the case, and nothing is sent"() {
        given:
        def handler = user(Role.HANDLER, [department: 'WATER_SUPPLY'])
        def c = dispatchedTo('DRAINAGE')

        when:
        def response = post(handler, "/api/v1/cases/${c.caseId}/actions", [type: 'Accept'])

        then:
        response.status.code == 404
        Topics.withKey(TestStack.COMMANDS, c.caseId).isEmpty()
    }

    def "a step outside the role is refused with 403 before anything is sent"() {
        given:
        def who = user(role, [department: 'DRAINAGE', grids: ['110101001001023']])
        def c = dispatchedTo('DRAINAGE', [reporterId: who.id])

        when:
        def response = post(who, "/api/v1/cases/${c.caseId}/actions", action)

        then:
        response.status.code == 403
        response.body().type == 'urn:citygrid:problem:role-not-allowed'
        Topics.withKey(TestStack.COMMANDS, c.caseId).isEmpty()

        where:
        role             | action
        Role.RESIDENT    | [type: 'Dispatch', department: 'DRAINAGE']
        Role.OPERATOR    | [type: 'MarkOverdue', stage: 'HANDLING']
    }

    def "a grid worker's check carries their own photo as evidence with its sniffed type"() {
        given:
        def worker = user(Role.GRID_WORKER, [grids: ['110101001001023']])
        def c = ReadModelFixture.insertCase(state: 'HANDLED', department: 'DRAINAGE', assignee: 'handler-9')
        def photo = photo(worker)

        when:
        def response = post(worker, "/api/v1/cases/${c.caseId}/actions",
                [type: 'Check', passed: false, note: 'cover still rocks', evidence: [[ref: photo, mediaType: 'text/html']]])
        def sent = WireCodec.commands().read(Topics.withKey(TestStack.COMMANDS, c.caseId)[0].value())

        then:
        response.status.code == 202
        sent.action() instanceof CaseAction.Check
        !sent.action().passed()
        sent.action().evidence()*.mediaType() == ['image/jpeg']
    }
}
