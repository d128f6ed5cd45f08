package org.citygrid.api.cases

import com.fasterxml.jackson.databind.JsonNode
import org.apache.kafka.common.KafkaException
import org.citygrid.api.errors.DomainError
import org.citygrid.api.errors.Forbidden
import org.citygrid.api.errors.Invalid
import org.citygrid.api.errors.NotFound
import org.citygrid.api.errors.Unavailable
import org.citygrid.api.testkit.CaseHistories
import org.citygrid.api.testkit.Services
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.Channel
import org.citygrid.model.testkit.CaseFixtures
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CommandRejected
import org.citygrid.model.cases.Evidence
import org.citygrid.model.cases.RejectionReason
import org.citygrid.model.cases.Role
import org.citygrid.model.wire.WireJson
import spock.lang.Specification

import java.time.Duration

import static org.citygrid.api.testkit.Services.person

/**
 * Who may send which step on which case, and what goes to grid.commands: CommandService on plain
 * objects (CaseActionsSpec runs the same service over HTTP, the broker and PostGIS).
 */
class CommandServiceSpec extends Specification {

    Services kit = new Services()
    CommandService service = kit.commandService()

    static JsonNode json(Map body) {
        WireJson.mapper().valueToTree(body)
    }

    def send(user, String caseId, Map body, String key = UUID.randomUUID().toString()) {
        service.send(user, caseId, key, json(body))
    }

    def "#role takes the step #body.type on a #state case, and it goes to the case cycle as that action"() {
        given:
        def who = person(role)
        def c = kit.readModel.put(state: state, version: 4L, department: state in ['REPORTED', 'FILED'] ? null : 'DRAINAGE',
                reporterId: role == Role.RESIDENT ? who.id() : 'resident-x')

        when:
        def reply = send(who, c.caseId(), body)

        then:
        reply.status() == 202
        !reply.replayed()
        kit.sentCommands()*.commandId() == [reply.body().id()]
        kit.sentCommands()[0].action() == action
        kit.sentCommands()[0].actor() == who.actor()
        kit.producer.history()[0].key() == c.caseId()
        reply.location() == "/api/v1/commands/${reply.body().id()}"

        where:
        role             | state          | body                                                                  || action
        Role.OPERATOR    | 'REPORTED'     | [type: 'File', note: 'meets criteria']                                || new CaseAction.File('meets criteria')
        Role.OPERATOR    | 'REPORTED'     | [type: 'Dismiss', reason: 'private property']                         || new CaseAction.Dismiss('private property')
        Role.OPERATOR    | 'FILED'        | [type: 'Dispatch', department: 'DRAINAGE', assignee: 'handler-3']     || new CaseAction.Dispatch('DRAINAGE', 'handler-3', null)
        Role.OPERATOR    | 'IN_PROGRESS'  | [type: 'Dispatch', department: 'ROADS', note: 'a road matter']        || new CaseAction.Dispatch('ROADS', null, 'a road matter')
        Role.OPERATOR    | 'IN_PROGRESS'  | [type: 'ApproveExtension', note: 'part on order']                     || new CaseAction.ApproveExtension('part on order')
        Role.OPERATOR    | 'IN_PROGRESS'  | [type: 'RejectExtension', reason: 'not needed']                       || new CaseAction.RejectExtension('not needed')
        Role.OPERATOR    | 'IN_PROGRESS'  | [type: 'Suspend', reason: 'owner abroad']                             || new CaseAction.Suspend('owner abroad')
        Role.OPERATOR    | 'SUSPENDED'    | [type: 'Resume', note: 'owner back']                                  || new CaseAction.Resume('owner back')
        Role.OPERATOR    | 'CHECK_PASSED' | [type: 'Close', note: 'done']                                         || new CaseAction.Close('done')
        Role.HANDLER     | 'DISPATCHED'   | [type: 'Accept']                                                      || new CaseAction.Accept()
        Role.HANDLER     | 'DISPATCHED'   | [type: 'Return', reason: 'gas company']                               || new CaseAction.Return('gas company')
        Role.HANDLER     | 'IN_PROGRESS'  | [type: 'RequestExtension', extra: 'PT8H', reason: 'part on order']    || new CaseAction.RequestExtension(Duration.ofHours(8), 'part on order')
        Role.HANDLER     | 'IN_PROGRESS'  | [type: 'ReportHandled', note: 'cover replaced', evidence: []]         || new CaseAction.ReportHandled('cover replaced', [])
        Role.GRID_WORKER | 'HANDLED'      | [type: 'Check', passed: true, note: 'fixed', evidence: []]            || new CaseAction.Check(true, 'fixed', [])
        Role.GRID_WORKER | 'REPORTED'     | [type: 'Verify', found: false, note: 'nothing there', evidence: []]   || new CaseAction.Verify(false, 'nothing there', [])
        Role.RESIDENT    | 'CLOSED'       | [type: 'Rate', score: 2, comment: 'slow']                             || new CaseAction.Rate(2, 'slow')
        Role.ADMIN       | 'IN_PROGRESS'  | [type: 'Void', reason: 'entered twice']                               || new CaseAction.Void('entered twice')
    }

    def "the expected version travels with the command"() {
        given:
        def c = kit.readModel.put(state: 'DISPATCHED', version: 3L, department: 'DRAINAGE')

        when:
        send(person(Role.HANDLER), c.caseId(), [type: 'Accept', expectedVersion: 3])

        then:
        kit.sentCommands()[0].expectedVersion() == 3L
    }

    def "#role may not #action.type: #reason, and nothing is sent or recorded"() {
        given:
        def who = person(role)
        def c = kit.readModel.put(state: 'DISPATCHED', department: 'DRAINAGE', reporterId: who.id())

        when:
        send(who, c.caseId(), action)

        then:
        def e = thrown(Forbidden)
        e.reason() == reason
        kit.sentCommands().isEmpty()
        kit.commands.sent.isEmpty()

        where:
        role             | action                                      || reason
        Role.RESIDENT    | [type: 'Dispatch', department: 'DRAINAGE']  || 'role-not-allowed'
        Role.HANDLER     | [type: 'Close', note: 'done']               || 'role-not-allowed'
        Role.GRID_WORKER | [type: 'Dispatch', department: 'DRAINAGE']  || 'role-not-allowed'
        Role.OPERATOR    | [type: 'Check', passed: true]               || 'role-not-allowed'
        Role.OPERATOR    | [type: 'MarkOverdue', stage: 'HANDLING']    || 'role-not-allowed'
        Role.ADMIN       | [type: 'Escalate', level: 1]                || 'role-not-allowed'
    }

    /** A worker's own patrol report, as the read model holds it. */
    static List<List> ownReport(String workerId) {
        [[Actor.of(workerId, Role.GRID_WORKER), new CaseAction.Report(CaseFixtures.report(channel: Channel.PATROL,
                reporter: workerId))]]
    }

    /** A case the worker handled (as a handler account of the same person), up to {@code steps} steps of it. */
    static List<List> ownWork(String workerId, int steps = 5) {
        def self = Actor.handler(workerId, 'SANITATION')
        [[CaseFixtures.RESIDENT, new CaseAction.Report(CaseFixtures.report())],
         [CaseFixtures.OPERATOR, new CaseAction.File('meets criteria')],
         [CaseFixtures.OPERATOR, new CaseAction.Dispatch('SANITATION', workerId, null)],
         [self, new CaseAction.Accept()],
         [self, new CaseAction.ReportHandled('cover replaced', [CaseFixtures.PHOTO])]].take(steps)
    }

    def "#what is refused at once with 403 #type, from the case as the read model has it, and nothing is sent"() {
        given:
        def worker = person(Role.GRID_WORKER, [id: 'worker-77', grids: ['110101001001001']])
        def c = kit.readModel.put(caseId: 'case-7', state: 'REPORTED', gridCode: '110101001001001')
        kit.readModel.events[c.caseId()] = CaseHistories.walk(c.caseId(), history)

        when:
        send(worker, c.caseId(), action)

        then:
        def e = thrown(Forbidden)
        e.reason() == type
        e.detail() == detail
        kit.sentCommands().isEmpty()
        kit.commands.sent.isEmpty()

        where:
        what                           | history                 | action                                      || type         | detail
        'verifying one\'s own report'  | ownReport('worker-77')  | [type: 'Verify', found: true, evidence: []] || 'own-report' | "这是您本人的举报，须由另一位网格员现场核实 / case case-7 is your own report; another worker verifies it"
        'checking the work one handled' | ownWork('worker-77')    | [type: 'Check', passed: true, evidence: []] || 'own-work'   | "您处置的案件须由另一位网格员核查 / the person who handled case case-7 cannot check it"
    }

    def "#what is the case cycle's to decide, so it is sent"() {
        given:
        def worker = person(Role.GRID_WORKER, [id: 'worker-77', grids: ['110101001001001']])
        def c = kit.readModel.put(state: 'REPORTED', gridCode: '110101001001001')
        kit.readModel.events[c.caseId()] = history == null ? [] : CaseHistories.walk(c.caseId(), history)

        when:
        def reply = send(worker, c.caseId(), action)

        then:
        reply.status() == 202
        kit.sentCommands()*.commandId() == [reply.body().id()]

        where:
        what                                                            | history                     | action
        'a check while the read model does not show the handling yet'   | ownWork('worker-77', 4)     | [type: 'Check', passed: true, evidence: []]
        'a verification while the read model holds no history yet'      | null                        | [type: 'Verify', found: true, evidence: []]
        'another worker\'s report, verified'                            | ownReport('worker-12')      | [type: 'Verify', found: true, evidence: []]
        'a step the read model\'s copy refuses for its state'           | ownReport('worker-12')      | [type: 'Check', passed: true, evidence: []]
        'a step on a version the read model has not reached'            | ownReport('worker-77')      | [type: 'Verify', found: true, evidence: [], expectedVersion: 3]
    }

    def "a case outside the sender's scope is not found (#who), so its id reveals nothing"() {
        given:
        def c = kit.readModel.put(state: 'DISPATCHED', department: 'DRAINAGE')

        when:
        send(user, c.caseId(), action)

        then:
        thrown(NotFound)
        kit.sentCommands().isEmpty()

        where:
        who                                 | user                                                          | action
        'a handler of another department'   | person(Role.HANDLER, [department: 'WATER_SUPPLY'])            | [type: 'Accept']
        'a grid worker of other grids'      | person(Role.GRID_WORKER, [grids: ['110101001009998']])        | [type: 'Verify', found: true, evidence: []]
        'a resident who did not report it'  | person(Role.RESIDENT)                                         | [type: 'Rate', score: 5]
    }

    def "#what is refused with 422 #reason naming #field"() {
        given:
        def c = kit.readModel.put(state: 'DISPATCHED', department: 'DRAINAGE')

        when:
        service.send(person(Role.HANDLER), c.caseId(), UUID.randomUUID().toString(), body)

        then:
        def e = thrown(Invalid)
        e.reason() == reason
        e.detail().contains(field)
        kit.sentCommands().isEmpty()

        where:
        what                          | body                                                                       || reason          | field
        'a field the action lacks'    | json([type: 'RequestExtension', extra: 'a bit longer'])                    || 'invalid-action' | 'extra'
        'no type'                     | json([note: 'accept please'])                                              || 'invalid-field'  | 'type'
        'an array'                    | WireJson.mapper().readTree('[{"type": "Accept"}]')                         || 'invalid-field'  | 'type'
        'script in a reason'          | json([type: 'Return', reason: '<script>alert(1)</script>'])               || 'invalid-field'  | 'reason'
        'a control character'         | json([type: 'Return', reason: "bell\u0007"])                              || 'invalid-field'  | 'reason'
    }

    def "#injection in #field of a #type step is refused with 422 naming the field, and nothing is sent"() {
        given:
        def who = person(role)
        def c = kit.readModel.put(state: 'IN_PROGRESS', department: 'DRAINAGE', reporterId: who.id())

        when:
        send(who, c.caseId(), base + [(field): text])

        then:
        def error = thrown(Invalid)
        error.fieldErrors()*.field() == [field]
        kit.sentCommands().isEmpty()
        kit.commands.sent.isEmpty()

        where:
        [role, base, field, injection] << [
                [Role.OPERATOR, [type: 'File'], 'note'],
                [Role.OPERATOR, [type: 'Dismiss'], 'reason'],
                [Role.OPERATOR, [type: 'Dispatch', department: 'DRAINAGE'], 'note'],
                [Role.OPERATOR, [type: 'ApproveExtension'], 'note'],
                [Role.OPERATOR, [type: 'RejectExtension'], 'reason'],
                [Role.OPERATOR, [type: 'Suspend'], 'reason'],
                [Role.OPERATOR, [type: 'Resume'], 'note'],
                [Role.OPERATOR, [type: 'Close'], 'note'],
                [Role.OPERATOR, [type: 'Void'], 'reason'],
                [Role.HANDLER, [type: 'Return'], 'reason'],
                [Role.HANDLER, [type: 'RequestExtension', extra: 'PT8H'], 'reason'],
                [Role.HANDLER, [type: 'ReportHandled', evidence: []], 'note'],
                [Role.GRID_WORKER, [type: 'Check', passed: true, evidence: []], 'note'],
                [Role.RESIDENT, [type: 'Rate', score: 3], 'comment'],
        ].collectMany { r -> [r + ['script'], r + ['an event handler']] }
        type = base.type
        text = injection == 'script' ? '<script>alert(document.cookie)</script>' : 'see <img src=x onerror=alert(1)>'
    }

    def "evidence is the sender's own photo, with the type sniffed on upload whatever the body claims"() {
        given:
        def worker = person(Role.GRID_WORKER)
        def c = kit.readModel.put(state: 'HANDLED', department: 'DRAINAGE', assignee: 'handler-9')
        def photo = kit.photos.add(worker.id())

        when:
        send(worker, c.caseId(), [type: 'Check', passed: false, note: 'cover still rocks',
                                 evidence: [[ref: photo, mediaType: 'text/html']]])

        then:
        kit.sentCommands()[0].action() == new CaseAction.Check(false, 'cover still rocks', [new Evidence(photo, 'image/jpeg')])
    }

    def "somebody else's photo as evidence is refused with 422 and nothing is sent"() {
        given:
        def worker = person(Role.GRID_WORKER)
        def c = kit.readModel.put(state: 'REPORTED')
        def theirs = kit.photos.add('grid_worker-other')

        when:
        send(worker, c.caseId(), [type: 'Verify', found: true, evidence: [[ref: theirs, mediaType: 'image/jpeg']]])

        then:
        def error = thrown(Invalid)
        error.fieldErrors()*.field() == ['evidence']
        kit.sentCommands().isEmpty()
    }

    def "a retry with the same Idempotency-Key gets the first answer and sends nothing new"() {
        given:
        def handler = person(Role.HANDLER)
        def c = kit.readModel.put(state: 'DISPATCHED', department: 'DRAINAGE')

        when:
        def first = send(handler, c.caseId(), [type: 'Accept'], 'key-1')
        def again = send(handler, c.caseId(), [type: 'Accept'], 'key-1')

        then:
        again.replayed()
        again.status() == 202
        again.location() == first.location()
        again.body().get('id').asText() == first.body().id()
        kit.sentCommands().size() == 1
    }

    def "when the broker does not take the command, it is forgotten and the key can be used again"() {
        given:
        def handler = person(Role.HANDLER)
        def c = kit.readModel.put(state: 'DISPATCHED', department: 'DRAINAGE')
        kit.producer.sendException = new KafkaException('broker down')

        when:
        send(handler, c.caseId(), [type: 'Accept'], 'key-2')

        then:
        DomainError e = thrown(Unavailable)
        e.reason() == 'broker-unavailable'
        kit.commands.sent.isEmpty()

        when:
        kit.producer.sendException = null
        def retry = send(handler, c.caseId(), [type: 'Accept'], 'key-2')

        then:
        !retry.replayed()
        kit.sentCommands()*.commandId() == [retry.body().id()]
    }

    def "a command's status: PENDING, then REJECTED with the case cycle's reason or APPLIED at its version"() {
        given:
        def handler = person(Role.HANDLER)
        def c = kit.readModel.put(state: 'DISPATCHED', department: 'DRAINAGE')
        def applied = send(handler, c.caseId(), [type: 'Accept']).body().id()
        def refused = send(handler, c.caseId(), [type: 'Return', reason: 'not ours']).body().id()

        expect:
        service.status(handler, applied).status() == 'PENDING'

        when:
        kit.readModel.applied[applied] = 5L
        kit.commands.reject(new CommandRejected(refused, c.caseId(), handler.actor(), Services.NOW,
                RejectionReason.WRONG_STATE, 'already accepted'))

        then:
        service.status(handler, applied) == new CommandStatus(applied, c.caseId(), 'Accept', 'APPLIED', 5L, null, null)
        service.status(handler, refused) == new CommandStatus(refused, c.caseId(), 'Return', 'REJECTED', null,
                'WRONG_STATE', 'already accepted')

        when:
        service.status(person(Role.HANDLER), applied)

        then:
        thrown(NotFound)
    }
}
