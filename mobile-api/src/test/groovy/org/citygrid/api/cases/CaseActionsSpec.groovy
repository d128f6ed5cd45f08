package org.citygrid.api.cases

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.support.ApiSpec
import org.citygrid.api.support.ReadModelFixture
import org.citygrid.api.support.TestStack
import org.citygrid.api.support.Topics
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CommandRejected
import org.citygrid.model.cases.RejectionReason
import org.citygrid.model.cases.Role
import org.citygrid.model.wire.WireCodec
import spock.util.concurrent.PollingConditions

import java.time.Instant

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
        Role.HANDLER     | [type: 'Close', note: 'done']
        Role.GRID_WORKER | [type: 'Dispatch', department: 'DRAINAGE']
        Role.OPERATOR    | [type: 'Check', passed: true]
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

    def "a grid worker's verification carries their own photo as evidence with its sniffed type"() {
        given:
        def worker = user(Role.GRID_WORKER, [grids: ['110101001001023']])
        def c = ReadModelFixture.insertCase(state: 'REPORTED')
        def photo = photo(worker)

        when:
        def response = post(worker, "/api/v1/cases/${c.caseId}/actions",
                [type: 'Verify', found: true, note: 'cover missing', evidence: [[ref: photo, mediaType: 'text/html']]])
        def sent = WireCodec.commands().read(Topics.withKey(TestStack.COMMANDS, c.caseId)[0].value())

        then:
        response.status.code == 202
        sent.action() == new CaseAction.Verify(true, 'cover missing', [new org.citygrid.model.cases.Evidence(photo, 'image/jpeg')])
    }

    def "a grid worker cannot verify their own report: 403 before anything is sent"() {
        given:
        def worker = user(Role.GRID_WORKER, [grids: ['110101001001023']])
        def c = ReadModelFixture.insertCase(state: 'REPORTED', channel: 'PATROL', reporterId: worker.id)

        when:
        def response = post(worker, "/api/v1/cases/${c.caseId}/actions", [type: 'Verify', found: true, evidence: []])

        then:
        response.status.code == 403
        response.body().type == 'urn:citygrid:problem:own-report'
        Topics.withKey(TestStack.COMMANDS, c.caseId).isEmpty()
    }

    def "a grid worker cannot verify a report outside their grids: 404, and nothing is sent"() {
        given:
        def worker = user(Role.GRID_WORKER, [grids: ['110101001009998']])
        def c = ReadModelFixture.insertCase(state: 'REPORTED')

        when:
        def response = post(worker, "/api/v1/cases/${c.caseId}/actions", [type: 'Verify', found: true, evidence: []])

        then:
        response.status.code == 404
        Topics.withKey(TestStack.COMMANDS, c.caseId).isEmpty()
    }

    def "a malformed action is a 422 naming the field"() {
        given:
        def handler = user(Role.HANDLER, [department: 'DRAINAGE'])
        def c = dispatchedTo('DRAINAGE')

        when:
        def response = post(handler, "/api/v1/cases/${c.caseId}/actions", [type: 'RequestExtension', extra: 'a bit longer'])

        then:
        response.status.code == 422
        response.body().type == 'urn:citygrid:problem:invalid-action'
        response.body().detail.contains('extra')
    }

    def "a resident rates a closed case they reported"() {
        given:
        def resident = user(Role.RESIDENT)
        def c = ReadModelFixture.insertCase(state: 'CLOSED', reporterId: resident.id)

        when:
        def response = post(resident, "/api/v1/cases/${c.caseId}/actions", [type: 'Rate', score: 5, comment: 'fast'])

        then:
        response.status.code == 202
        WireCodec.commands().read(Topics.withKey(TestStack.COMMANDS, c.caseId)[0].value()).action() == new CaseAction.Rate(5, 'fast')
    }

    def "#role takes the step #body.type on a #state case, and it goes to the case cycle as that action"() {
        given:
        def who = user(role, [department: 'DRAINAGE', grids: ['110101001001023']])
        def c = ReadModelFixture.insertCase(state: state, version: 4L, department: state in ['REPORTED', 'FILED'] ? null : 'DRAINAGE',
                reporterId: role == Role.RESIDENT ? who.id : 'resident-x')

        when:
        def response = post(who, "/api/v1/cases/${c.caseId}/actions", body)
        def sent = Topics.withKey(TestStack.COMMANDS, c.caseId).collect { WireCodec.commands().read(it.value()) }

        then:
        response.status.code == 202
        sent*.commandId() == [response.body().id]
        sent[0].action() == action

        where:
        role             | state         | body                                                                  || action
        Role.OPERATOR    | 'REPORTED'    | [type: 'File', note: 'meets criteria']                                || new CaseAction.File('meets criteria')
        Role.OPERATOR    | 'REPORTED'    | [type: 'Dismiss', reason: 'private property']                         || new CaseAction.Dismiss('private property')
        Role.OPERATOR    | 'FILED'       | [type: 'Dispatch', department: 'DRAINAGE', assignee: 'handler-3']     || new CaseAction.Dispatch('DRAINAGE', 'handler-3', null)
        Role.OPERATOR    | 'IN_PROGRESS' | [type: 'Dispatch', department: 'ROADS', note: 'a road matter']        || new CaseAction.Dispatch('ROADS', null, 'a road matter')
        Role.OPERATOR    | 'IN_PROGRESS' | [type: 'ApproveExtension', note: 'part on order']                     || new CaseAction.ApproveExtension('part on order')
        Role.OPERATOR    | 'IN_PROGRESS' | [type: 'RejectExtension', reason: 'not needed']                       || new CaseAction.RejectExtension('not needed')
        Role.OPERATOR    | 'IN_PROGRESS' | [type: 'Suspend', reason: 'owner abroad']                              || new CaseAction.Suspend('owner abroad')
        Role.OPERATOR    | 'SUSPENDED'   | [type: 'Resume', note: 'owner back']                                  || new CaseAction.Resume('owner back')
        Role.OPERATOR    | 'CHECK_PASSED' | [type: 'Close', note: 'done']                                        || new CaseAction.Close('done')
        Role.HANDLER     | 'DISPATCHED'  | [type: 'Accept']                                                      || new CaseAction.Accept()
        Role.HANDLER     | 'DISPATCHED'  | [type: 'Return', reason: 'gas company']                               || new CaseAction.Return('gas company')
        Role.HANDLER     | 'IN_PROGRESS' | [type: 'RequestExtension', extra: 'PT8H', reason: 'part on order']    || new CaseAction.RequestExtension(java.time.Duration.ofHours(8), 'part on order')
        Role.HANDLER     | 'IN_PROGRESS' | [type: 'ReportHandled', note: 'cover replaced', evidence: []]         || new CaseAction.ReportHandled('cover replaced', [])
        Role.GRID_WORKER | 'HANDLED'     | [type: 'Check', passed: true, note: 'fixed', evidence: []]            || new CaseAction.Check(true, 'fixed', [])
        Role.GRID_WORKER | 'REPORTED'    | [type: 'Verify', found: false, note: 'nothing there', evidence: []]   || new CaseAction.Verify(false, 'nothing there', [])
        Role.RESIDENT    | 'CLOSED'      | [type: 'Rate', score: 2, comment: 'slow']                             || new CaseAction.Rate(2, 'slow')
        Role.ADMIN       | 'IN_PROGRESS' | [type: 'Void', reason: 'entered twice']                               || new CaseAction.Void('entered twice')
    }
}
