package org.citygrid.cloud.commands

import static org.citygrid.model.cases.Channel.PATROL

import java.time.Duration
import java.time.Instant
import org.citygrid.cloud.testkit.CaseCycleRig
import org.citygrid.contracts.notify.NotificationIntent
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseState
import org.citygrid.model.cases.Role
import org.citygrid.model.cases.Stage
import spock.lang.AutoCleanup
import spock.lang.Specification

/**
 * The closed loop and its exception paths, driven by commands as people send them. A patroller's
 * report of a loose water-supply manhole cover (C0101: 4 working hours to handle) on Monday
 * 2 March 2026 at 10:00 Beijing time is filed and dispatched at once.
 */
class CaseLoopSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-03-02T02:00:00Z')
    static final Actor OPERATOR = Actor.of('operator-1', Role.OPERATOR)
    static final Actor CHECKER = Actor.of('worker-2', Role.GRID_WORKER)

    @AutoCleanup
    CaseCycleRig cycle = new CaseCycleRig(T0)

    String caseId

    def setup() {
        cycle.responsibility('C0101', '*', [[department: 'WATER_SUPPLY', handlers: ['handler-w1']],
                                            [department: 'DRAINAGE', handlers: ['handler-d1']]])
        cycle.report(channel: PATROL, category: 'C0101', reporter: 'worker-1', at: T0)
        caseId = cycle.caseIds().first()
    }

    def "a case goes from report to closed"() {
        when:
        handle('WATER_SUPPLY', 'handler-w1', 10)
        cycle.command(caseId, CHECKER, new CaseAction.Check(true, 'fixed', CaseCycleRig.PHOTO), at(120))
        cycle.command(caseId, OPERATOR, new CaseAction.Close('done'), at(125))

        then:
        cycle.changes(caseId) == ['Reported', 'Filed', 'Dispatched', 'Accepted', 'Handled', 'CheckPassed', 'Closed']
        cycle.snapshot(caseId).state() == CaseState.CLOSED
    }

    def "a failed check sends the case back to the department and handler who did the work"() {
        given:
        handle('WATER_SUPPLY', 'handler-w1', 10)

        when:
        cycle.command(caseId, CHECKER, new CaseAction.Check(false, 'still rocks', CaseCycleRig.PHOTO), at(120))

        then:
        cycle.changes(caseId).takeRight(2) == ['CheckFailed', 'Dispatched']
        with(cycle.snapshot(caseId)) {
            state() == CaseState.DISPATCHED
            department() == 'WATER_SUPPLY'
            assignee() == 'handler-w1'
            reworkCount() == 1
        }
        cycle.told(caseId).any { it.what() == NotificationIntent.What.REWORK && it.audience().id() == 'WATER_SUPPLY' }
    }

    def "a reworked case closes after its second check passes"() {
        given:
        handle('WATER_SUPPLY', 'handler-w1', 10)
        cycle.command(caseId, CHECKER, new CaseAction.Check(false, 'still rocks', CaseCycleRig.PHOTO), at(120))

        when:
        handle('WATER_SUPPLY', 'handler-w1', 130)
        cycle.command(caseId, CHECKER, new CaseAction.Check(true, 'fixed now', CaseCycleRig.PHOTO), at(200))
        cycle.command(caseId, OPERATOR, new CaseAction.Close('done'), at(205))

        then:
        cycle.snapshot(caseId).state() == CaseState.CLOSED
        cycle.snapshot(caseId).reworkCount() == 1
    }

    def "a case returned as not theirs goes to the next responsible department"() {
        when:
        cycle.command(caseId, Actor.handler('handler-w1', 'WATER_SUPPLY'), new CaseAction.Return('sewage cover'), at(5))

        then:
        cycle.changes(caseId).takeRight(2) == ['Returned', 'Dispatched']
        cycle.snapshot(caseId).department() == 'DRAINAGE'
        cycle.snapshot(caseId).assignee() == 'handler-d1'
        cycle.snapshot(caseId).returnCount() == 1
    }

    def "when every responsible department returned it, the case waits for the command desk"() {
        given:
        cycle.command(caseId, Actor.handler('handler-w1', 'WATER_SUPPLY'), new CaseAction.Return('sewage cover'), at(5))

        when:
        cycle.command(caseId, Actor.handler('handler-d1', 'DRAINAGE'), new CaseAction.Return('gas cover'), at(10))

        then:
        cycle.snapshot(caseId).state() == CaseState.FILED
        cycle.told(caseId).any { it.what() == NotificationIntent.What.DISPATCH_NEEDED && it.audience().id() == 'COMMAND' }
    }

    def "the command desk can dispatch a case by hand after the returns"() {
        given:
        cycle.command(caseId, Actor.handler('handler-w1', 'WATER_SUPPLY'), new CaseAction.Return('sewage cover'), at(5))
        cycle.command(caseId, Actor.handler('handler-d1', 'DRAINAGE'), new CaseAction.Return('gas cover'), at(10))

        when:
        cycle.command(caseId, OPERATOR, new CaseAction.Dispatch('GAS_SUPPLY', null, 'gas cover'), at(15))

        then:
        cycle.snapshot(caseId).state() == CaseState.DISPATCHED
        cycle.snapshot(caseId).department() == 'GAS_SUPPLY'
    }

    def "an approved extension moves the handling deadline by the extra working time"() {
        given: 'dispatched Monday 10:00, 4 working hours: due 15:30 Beijing'
        cycle.command(caseId, Actor.handler('handler-w1', 'WATER_SUPPLY'), new CaseAction.Accept(), at(5))
        assert cycle.snapshot(caseId).deadlines()[Stage.HANDLING] == Instant.parse('2026-03-02T07:30:00Z')

        when:
        cycle.command(caseId, Actor.handler('handler-w1', 'WATER_SUPPLY'),
                new CaseAction.RequestExtension(Duration.ofHours(2), 'cover on order'), at(60))
        cycle.command(caseId, OPERATOR, new CaseAction.ApproveExtension('ok'), at(70))

        then: 'due 17:30 Beijing'
        cycle.snapshot(caseId).deadlines()[Stage.HANDLING] == Instant.parse('2026-03-02T09:30:00Z')
        cycle.changes(caseId).takeRight(2) == ['ExtensionRequested', 'ExtensionApproved']
    }

    def "a refused extension leaves the deadline where it was"() {
        given:
        cycle.command(caseId, Actor.handler('handler-w1', 'WATER_SUPPLY'), new CaseAction.Accept(), at(5))
        cycle.command(caseId, Actor.handler('handler-w1', 'WATER_SUPPLY'),
                new CaseAction.RequestExtension(Duration.ofHours(2), 'cover on order'), at(60))

        when:
        cycle.command(caseId, OPERATOR, new CaseAction.RejectExtension('cover is in stock'), at(70))

        then:
        cycle.snapshot(caseId).deadlines()[Stage.HANDLING] == Instant.parse('2026-03-02T07:30:00Z')
        cycle.snapshot(caseId).pendingExtension() == null
    }

    private void handle(String department, String handler, int minutes) {
        def actor = Actor.handler(handler, department)
        cycle.command(caseId, actor, new CaseAction.Accept(), at(minutes))
        cycle.command(caseId, actor, new CaseAction.ReportHandled('replaced', CaseCycleRig.PHOTO), at(minutes + 60))
    }

    private static Instant at(int minutes) {
        T0 + Duration.ofMinutes(minutes)
    }
}
