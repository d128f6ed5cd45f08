package org.citygrid.model.cases

import org.citygrid.model.testkit.*

import static org.citygrid.model.testkit.CaseFixtures.*
import static org.citygrid.model.cases.CaseState.*
import static org.citygrid.model.cases.RejectionReason.*

import java.time.Duration
import spock.lang.Specification

class CaseDeadlinesSpec extends Specification {

    def "each step starts the clock of the next stage from the moment it happened"() {
        when:
        def c = caseIn(state)
        def deadline = c.deadline(stage).get()

        then:
        c.activeStage().get() == stage
        deadline == c.times().updatedAt() + LIMITS[stage]
        c.clock().deadlines().keySet() == [stage] as Set

        where:
        state        | stage
        REPORTED     | Stage.FILING
        FILED        | Stage.DISPATCH
        DISPATCHED   | Stage.HANDLING
        HANDLED      | Stage.CHECK
        CHECK_PASSED | Stage.CLOSING
    }

    def "accepting a task does not restart the handling clock that dispatch started"() {
        given:
        def dispatched = caseIn(DISPATCHED)

        when:
        def (accepted, d) = act(dispatched, HANDLER, new CaseAction.Accept(), dispatched.times().updatedAt() + Duration.ofHours(3))

        then:
        accepted.deadline(Stage.HANDLING) == dispatched.deadline(Stage.HANDLING)
    }

    def "no clock runs while a case is #state"() {
        expect:
        caseIn(state).activeStage().isEmpty()
        caseIn(state).clock().deadlines().isEmpty()

        where:
        state << [SUSPENDED, ON_LEDGER, CLOSED, DISMISSED, VOIDED]
    }

    def "an approved extension moves the handling deadline by the requested time from the old deadline"() {
        given:
        def c = caseIn(IN_PROGRESS)
        def old = c.deadline(Stage.HANDLING).get()
        c = act(c, HANDLER, new CaseAction.RequestExtension(Duration.ofHours(8), 'waiting for a new cover')).v1

        when: 'approved after the old deadline passed'
        def (extended, d) = act(c, OPERATOR, new CaseAction.ApproveExtension('ok'), old + Duration.ofHours(3))

        then:
        extended.deadline(Stage.HANDLING).get() == old + Duration.ofHours(8)
        extended.pendingExtension().isEmpty()
    }

    def "a refused extension leaves the deadline where it was"() {
        given:
        def c = caseIn(IN_PROGRESS)
        def old = c.deadline(Stage.HANDLING).get()
        c = act(c, HANDLER, new CaseAction.RequestExtension(Duration.ofHours(8), 'busy')).v1

        when:
        def (after, d) = act(c, OPERATOR, new CaseAction.RejectExtension('busy is not a reason'))

        then:
        after.deadline(Stage.HANDLING).get() == old
        after.pendingExtension().isEmpty()
    }

    def "a suspension stops the handling clock and resuming gives back the time that was left"() {
        given:
        def c = caseIn(IN_PROGRESS)
        def deadline = c.deadline(Stage.HANDLING).get()
        def suspendAt = deadline - Duration.ofHours(5)
        c = act(c, OPERATOR, new CaseAction.Suspend('street closed'), suspendAt).v1
        def resumeAt = suspendAt + Duration.ofDays(3)

        when:
        def (resumed, d) = act(c, OPERATOR, new CaseAction.Resume('street open again'), resumeAt)

        then:
        resumed.state() == IN_PROGRESS
        resumed.deadline(Stage.HANDLING).get() == resumeAt + Duration.ofHours(5)
    }

    def "a suspended case that was only dispatched goes back to waiting for acceptance"() {
        given:
        def c = act(caseIn(DISPATCHED), OPERATOR, new CaseAction.Suspend('on hold')).v1

        expect:
        act(c, OPERATOR, new CaseAction.Resume(null)).v1.state() == DISPATCHED
    }

    def "feedback after the handling deadline is recorded as late"() {
        given:
        def c = caseIn(IN_PROGRESS)
        def deadline = c.deadline(Stage.HANDLING).get()

        when:
        def (handled, decision) = act(c, HANDLER, new CaseAction.ReportHandled('done', [PHOTO]), deadline + offset)

        then:
        (decision.events()[0].change() as CaseChange.Handled).late() == late
        handled.clock().lateStages().contains(Stage.HANDLING) == late

        where:
        offset                 || late
        Duration.ofMinutes(-1) || false
        Duration.ZERO          || false
        Duration.ofSeconds(1)  || true
    }

    def "a step done after its deadline leaves its stage late for good"() {
        given:
        def reported = caseIn(REPORTED)
        def late = reported.deadline(Stage.FILING).get() + Duration.ofMinutes(1)

        when:
        def (filed, d1) = act(reported, OPERATOR, new CaseAction.File('late'), late)
        def (dispatched, d2) = act(filed, OPERATOR, new CaseAction.Dispatch('SANITATION', null, null), late)

        then:
        filed.clock().lateStages() == [Stage.FILING] as Set
        dispatched.clock().lateStages() == [Stage.FILING] as Set
    }

    def "the SLA clock warns once before the deadline"() {
        given:
        def c = caseIn(IN_PROGRESS)
        def deadline = c.deadline(Stage.HANDLING).get()

        when:
        def (warned, first) = act(c, SYSTEM, new CaseAction.WarnDeadline(Stage.HANDLING), deadline - Duration.ofHours(2))
        def (again, second) = act(warned, SYSTEM, new CaseAction.WarnDeadline(Stage.HANDLING), deadline - Duration.ofHours(1))

        then:
        first.accepted()
        warned.clock().warned() == [Stage.HANDLING] as Set
        (second as Decision.Rejected).rejection().reason() == ALREADY_FLAGGED
    }

    def "a warning after the deadline is refused in favour of marking it overdue"() {
        given:
        def c = caseIn(IN_PROGRESS)

        when:
        def (after, decision) = act(c, SYSTEM, new CaseAction.WarnDeadline(Stage.HANDLING), c.deadline(Stage.HANDLING).get())

        then:
        (decision as Decision.Rejected).rejection().reason() == DEADLINE_PASSED
    }

    def "a stage is marked overdue only once its deadline has passed, and only once"() {
        given:
        def c = caseIn(DISPATCHED)
        def deadline = c.deadline(Stage.HANDLING).get()

        when:
        def (early, tooEarly) = act(c, SYSTEM, new CaseAction.MarkOverdue(Stage.HANDLING), deadline - Duration.ofSeconds(1))
        def (overdue, onTime) = act(c, SYSTEM, new CaseAction.MarkOverdue(Stage.HANDLING), deadline)
        def (twice, again) = act(overdue, SYSTEM, new CaseAction.MarkOverdue(Stage.HANDLING), deadline + Duration.ofHours(1))

        then:
        (tooEarly as Decision.Rejected).rejection().reason() == NOT_DUE
        onTime.accepted()
        overdue.clock().overdue() == [Stage.HANDLING] as Set
        overdue.clock().overdueCount() == 1
        (again as Decision.Rejected).rejection().reason() == ALREADY_FLAGGED
    }

    def "only the running stage can be flagged"() {
        when:
        def (after, decision) = act(caseIn(DISPATCHED), SYSTEM, new CaseAction.MarkOverdue(Stage.FILING), T0 + Duration.ofDays(1))

        then:
        (decision as Decision.Rejected).rejection().reason() == WRONG_STATE
    }

    def "an overdue case escalates one level at a time up to the leadership"() {
        given:
        def c = caseIn(DISPATCHED)
        c = act(c, SYSTEM, new CaseAction.MarkOverdue(Stage.HANDLING), c.deadline(Stage.HANDLING).get()).v1

        when:
        def (first, d1) = act(c, SYSTEM, new CaseAction.Escalate(1))
        def (skipped, d2) = act(c, SYSTEM, new CaseAction.Escalate(2))
        def (second, d3) = act(first, SYSTEM, new CaseAction.Escalate(2))
        def (beyond, d4) = act(second, SYSTEM, new CaseAction.Escalate(3))

        then:
        first.clock().escalationLevel() == 1
        (d2 as Decision.Rejected).rejection().reason() == ESCALATION_OUT_OF_ORDER
        second.clock().escalationLevel() == 2
        (d4 as Decision.Rejected).rejection().reason() == ESCALATION_OUT_OF_ORDER
    }

    def "a case that is not overdue is not escalated"() {
        when:
        def (after, decision) = act(caseIn(DISPATCHED), SYSTEM, new CaseAction.Escalate(1))

        then:
        (decision as Decision.Rejected).rejection().reason() == NOT_OVERDUE
    }

    def "a re-dispatch restarts the handling clock and clears the overdue flag of the old run"() {
        given:
        def c = caseIn(DISPATCHED)
        def deadline = c.deadline(Stage.HANDLING).get()
        c = act(c, SYSTEM, new CaseAction.MarkOverdue(Stage.HANDLING), deadline).v1
        def redispatchAt = deadline + Duration.ofHours(1)

        when:
        def (after, d) = act(c, OPERATOR, new CaseAction.Dispatch('WATER_SUPPLY', null, null), redispatchAt)

        then:
        after.clock().overdue().isEmpty()
        after.clock().overdueCount() == 1
        after.deadline(Stage.HANDLING).get() == redispatchAt + LIMITS[Stage.HANDLING]
    }
}
