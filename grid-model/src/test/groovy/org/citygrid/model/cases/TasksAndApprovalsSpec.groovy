package org.citygrid.model.cases

import static org.citygrid.model.cases.RejectionReason.*
import static org.citygrid.model.testkit.CaseFixtures.*

import java.time.Duration
import org.citygrid.model.category.ExtensionApproval
import org.citygrid.model.testkit.CaseFixtures
import spock.lang.Shared
import spock.lang.Specification

/**
 * Verification and check as tasks for a named supervisor, and the approval tiers of a department's
 * request for time.
 */
class TasksAndApprovalsSpec extends Specification {

    @Shared
    Case verificationSent = act(caseIn(CaseState.REPORTED), ACCEPTOR, new CaseAction.AssignVerification(CHECKER.id(), null)).v1
    @Shared
    Case checkSent = act(caseIn(CaseState.HANDLED), ACCEPTOR, new CaseAction.AssignCheck(PATROLLER.id(), null)).v1

    def "a verification task goes to a named supervisor, with its own deadline, and the verification clock runs"() {
        expect:
        verificationSent.work().verificationTask().supervisor() == CHECKER.id()
        verificationSent.work().verificationTask().assignedBy() == ACCEPTOR.id()
        verificationSent.activeStage().get() == Stage.VERIFICATION
        verificationSent.deadline(Stage.VERIFICATION).get() == verificationSent.times().updatedAt() + LIMITS[Stage.VERIFICATION]
    }

    def "#who #what: #outcome"() {
        when:
        def (after, decision) = act(scenario == 'verification' ? verificationSent : checkSent, actor, action)

        then:
        (decision.accepted() ? 'accepted' : (decision as Decision.Rejected).rejection().reason().name()) == outcome

        where:
        scenario       | actor     | action                                                    || outcome
        'verification' | CHECKER   | new CaseAction.Verify(true, null, [PHOTO])                || 'accepted'
        'verification' | PATROLLER | new CaseAction.Verify(true, null, [PHOTO])                || 'NOT_YOUR_TASK'
        'verification' | SYSTEM    | new CaseAction.AssignVerification('worker-3', null)       || 'TASK_ALREADY_ASSIGNED'
        'verification' | ACCEPTOR  | new CaseAction.AssignVerification('worker-3', null)       || 'accepted'
        'verification' | ACCEPTOR  | new CaseAction.AssignVerification(CHECKER.id(), null)     || 'INVALID_VALUE'
        'verification' | ACCEPTOR  | new CaseAction.AssignVerification(RESIDENT.id(), null)    || 'VERIFIER_IS_REPORTER'
        'verification' | ACCEPTOR  | new CaseAction.AssignVerification(' ', null)              || 'INVALID_VALUE'
        'check'        | PATROLLER | new CaseAction.Check(true, null, [PHOTO])                 || 'accepted'
        'check'        | CHECKER   | new CaseAction.Check(true, null, [PHOTO])                 || 'NOT_YOUR_TASK'
        'check'        | SYSTEM    | new CaseAction.AssignCheck('worker-3', null)              || 'TASK_ALREADY_ASSIGNED'
        'check'        | ACCEPTOR  | new CaseAction.AssignCheck(HANDLER.id(), null)            || 'CHECKER_IS_HANDLER'
        'check'        | ACCEPTOR  | new CaseAction.AssignCheck('worker-3', null)              || 'accepted'

        who = actor.id()
        what = CaseDecider.verb(action)
    }

    def "re-assigning a task gives the new supervisor the full time, and a late first supervisor stays late"() {
        given: 'the verification deadline passed three hours after sending'
        def later = verificationSent.times().updatedAt() + Duration.ofHours(4)

        when:
        def (after, decision) = act(verificationSent, ACCEPTOR, new CaseAction.AssignVerification('worker-3', 'worker-2 is off sick'), later)
        def event = decision.events()[0].change() as CaseChange.VerificationAssigned

        then:
        event.reassigned()
        after.work().verificationTask().supervisor() == 'worker-3'
        after.deadline(Stage.VERIFICATION).get() == later + LIMITS[Stage.VERIFICATION]
        Stage.VERIFICATION in after.clock().lateStages()
    }

    def "a verification's finding closes the task and starts the filing clock again, for the shift leader"() {
        given:
        def at = verificationSent.times().updatedAt() + Duration.ofMinutes(40)

        when:
        def verified = act(verificationSent, CHECKER, new CaseAction.Verify(true, null, [PHOTO]), at).v1

        then:
        verified.work().verificationTask() == null
        verified.activeStage().get() == Stage.FILING
        verified.deadline(Stage.FILING).get() == at + LIMITS[Stage.FILING]
    }

    def "a check task starts the check clock again from the task, and a passed check starts the closing clock"() {
        given:
        def at = checkSent.times().updatedAt() + Duration.ofMinutes(10)

        when:
        def passed = act(checkSent, PATROLLER, new CaseAction.Check(true, null, [PHOTO]), at).v1

        then:
        checkSent.deadline(Stage.CHECK).get() == checkSent.times().updatedAt() + LIMITS[Stage.CHECK]
        passed.work().checkTask() == null
        passed.activeStage().get() == Stage.CLOSING
        passed.deadline(Stage.CLOSING).get() == at + LIMITS[Stage.CLOSING]
    }

    /** The fixture rules with the catalogue's default approval tiers against the 24-hour handling limit. */
    static final CaseRules TIERED = new CaseRules() {
        @Delegate
        CaseRules rules = CaseFixtures.RULES

        Set<Role> extensionApprovers(String category, ExtensionKind kind, Duration extra, int granted) {
            ExtensionApproval.DEFAULT.approvers(extra, granted, LIMITS[Stage.HANDLING])
        }
    }
    static final CaseDecider TIERED_DECIDER = new CaseDecider(TIERED)

    def "a request of #extra after #granted granted goes to #needs: #approver #outcome"() {
        given:
        def c = caseIn(CaseState.IN_PROGRESS)
        granted.times {
            c = decideAndApply(c, HANDLER, new CaseAction.RequestExtension(Duration.ofHours(1), 'parts'))
            c = decideAndApply(c, LEADER, new CaseAction.ApproveExtension(null))
        }
        c = decideAndApply(c, HANDLER, new CaseAction.RequestExtension(Duration.ofHours(extra), 'parts'))

        when:
        def decision = TIERED_DECIDER.decide(c, command(c.id(), approver, new CaseAction.ApproveExtension(null)))

        then:
        (decision.accepted() ? 'approves' : (decision as Decision.Rejected).rejection().reason().name()) == outcome

        where:
        extra | granted | approver     || outcome
        12    | 0       | DISPATCHER   || 'approves'
        12    | 0       | SHIFT_LEADER || 'approves'
        13    | 0       | DISPATCHER   || 'APPROVAL_TIER'
        13    | 0       | SHIFT_LEADER || 'approves'
        8     | 1       | DISPATCHER   || 'APPROVAL_TIER'
        8     | 1       | SHIFT_LEADER || 'approves'
        24    | 1       | SHIFT_LEADER || 'approves'
        8     | 2       | SHIFT_LEADER || 'APPROVAL_TIER'
        8     | 2       | LEADER       || 'approves'
        8     | 2       | OPERATOR     || 'approves'

        needs = granted == 0 && extra <= 12 ? 'the dispatcher' : granted <= 1 ? 'the shift leader' : 'the leader'
    }

    def "a refusal for the tier says who approves, in Chinese first"() {
        given:
        def c = decideAndApply(caseIn(CaseState.IN_PROGRESS), HANDLER, new CaseAction.RequestExtension(Duration.ofHours(13), 'parts'))

        when:
        def rejection = (TIERED_DECIDER.decide(c, command(c.id(), DISPATCHER, new CaseAction.ApproveExtension(null))) as Decision.Rejected).rejection()

        then:
        rejection.message() == '延期 13 h（此前已批准0次延期）须由值班长或中心领导审批 / an extension of 13 h after 0 granted needs the approval of shift leader or leader'
    }

    def "an approved postponement (缓办) puts the case on hold with the handling time it had left"() {
        given:
        def c = caseIn(CaseState.IN_PROGRESS)
        def deadline = c.deadline(Stage.HANDLING).get()
        c = act(c, HANDLER, new CaseAction.RequestExtension(Duration.ofDays(30), 'repaving in spring', ExtensionKind.POSTPONEMENT)).v1
        def at = c.times().updatedAt() + Duration.ofHours(2)

        when:
        def (held, decision) = act(c, DISPATCHER, new CaseAction.ApproveExtension('ok'), at)

        then:
        decision.events()*.change()*.getClass() == [CaseChange.PostponementApproved]
        held.state() == CaseState.SUSPENDED
        held.suspension().get().remaining() == Duration.between(at, deadline)
        held.suspension().get().reason() == 'repaving in spring'
        held.pendingExtension().isEmpty()
        held.activeStage().isEmpty()
    }

    static Case decideAndApply(Case c, Actor actor, CaseAction action) {
        def decision = TIERED_DECIDER.decide(c, command(c.id(), actor, action, c.times().updatedAt() + Duration.ofMinutes(1)))
        assert decision.accepted(): decision
        decision.events().inject(c) { acc, e -> acc.apply(e) }
    }
}
