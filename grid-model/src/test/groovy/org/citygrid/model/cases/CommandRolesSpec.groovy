package org.citygrid.model.cases

import static org.citygrid.model.cases.Role.*
import static org.citygrid.model.testkit.CaseFixtures.*

import java.time.Duration
import org.citygrid.model.casenumber.CaseNumber
import org.citygrid.model.testkit.CaseFixtures
import spock.lang.Specification

/**
 * Every action against every role. The allowed roles are written out here on purpose, rather than
 * read from {@link CommandRoles}: a change to who may do what must change this table too (and
 * docs/roles.md, which RolesDocSpec holds to the code).
 */
class CommandRolesSpec extends Specification {

    static final Map<Role, Actor> ACTORS = [
            (RESIDENT)    : CaseFixtures.RESIDENT,
            (GRID_WORKER) : CaseFixtures.CHECKER,
            (HANDLER)     : CaseFixtures.HANDLER,
            (ACCEPTOR)    : CaseFixtures.ACCEPTOR,
            (SHIFT_LEADER): CaseFixtures.SHIFT_LEADER,
            (DISPATCHER)  : CaseFixtures.DISPATCHER,
            (LEADER)      : CaseFixtures.LEADER,
            (OPERATOR)    : CaseFixtures.OPERATOR,
            (ADMIN)       : CaseFixtures.ADMIN,
            (SYSTEM)      : CaseFixtures.SYSTEM]

    def "only #allowed may #description"() {
        given:
        def c = caseIn(CaseState.IN_PROGRESS)

        expect:
        Role.values().each { role ->
            def decision = DECIDER.decide(c, command(c.id(), ACTORS[role], action))
            def refusedForRole = decision instanceof Decision.Rejected &&
                    (decision as Decision.Rejected).rejection().reason() == RejectionReason.ROLE_NOT_ALLOWED
            assert refusedForRole == !(role in allowed): "$role asking to $description"
        }

        where:
        action                                                         || allowed
        new CaseAction.Report(report(sourceId: 'x'))                   || [RESIDENT, GRID_WORKER, ACCEPTOR, OPERATOR, SYSTEM]
        new CaseAction.AssignVerification('worker-3', null)            || [ACCEPTOR, OPERATOR, SYSTEM]
        new CaseAction.Verify(true, null, [PHOTO])                     || [GRID_WORKER]
        new CaseAction.CorrectReport(DUMPING, null, null, null, 'r')   || [ACCEPTOR, SHIFT_LEADER, OPERATOR]
        new CaseAction.File(null)                                      || [SHIFT_LEADER, OPERATOR, SYSTEM]
        new CaseAction.Dismiss('r')                                    || [SHIFT_LEADER, OPERATOR]
        new CaseAction.Dispatch('WATER_SUPPLY', null, null)            || [DISPATCHER, OPERATOR, SYSTEM]
        new CaseAction.SendBack('r')                                   || [DISPATCHER, OPERATOR]
        new CaseAction.Accept()                                        || [HANDLER]
        new CaseAction.Return('r')                                     || [HANDLER]
        new CaseAction.RequestExtension(Duration.ofHours(1), 'r')      || [HANDLER]
        new CaseAction.ApproveExtension(null)                          || [SHIFT_LEADER, DISPATCHER, LEADER, OPERATOR]
        new CaseAction.RejectExtension('r')                            || [SHIFT_LEADER, DISPATCHER, LEADER, OPERATOR]
        new CaseAction.Suspend('r')                                    || [DISPATCHER, OPERATOR]
        new CaseAction.Resume(null)                                    || [DISPATCHER, OPERATOR]
        new CaseAction.ReportHandled('n', [PHOTO])                     || [HANDLER]
        new CaseAction.AssignCheck('worker-3', null)                   || [ACCEPTOR, OPERATOR, SYSTEM]
        new CaseAction.Check(true, 'n', [PHOTO])                       || [GRID_WORKER]
        new CaseAction.Close(null)                                     || [SHIFT_LEADER, OPERATOR, SYSTEM]
        new CaseAction.Void('r')                                       || [SHIFT_LEADER, OPERATOR, ADMIN]
        new CaseAction.PutOnLedger('r', null)                          || [LEADER, OPERATOR]
        new CaseAction.TakeOffLedger(null)                             || [DISPATCHER, LEADER, OPERATOR]
        new CaseAction.Press('r')                                      || [DISPATCHER, OPERATOR]
        new CaseAction.Urge(null)                                      || [DISPATCHER, OPERATOR]
        new CaseAction.AssignNumber(new CaseNumber(2026, '110101', 1)) || [SYSTEM]
        new CaseAction.MergeDuplicate(report(sourceId: 'dup'))         || [ACCEPTOR, OPERATOR, SYSTEM]
        new CaseAction.ClearAlarm('ep-1', 'clr-1')                     || [SYSTEM]
        new CaseAction.WarnDeadline(Stage.HANDLING)                    || [SYSTEM]
        new CaseAction.MarkOverdue(Stage.HANDLING)                     || [SYSTEM]
        new CaseAction.Escalate(1)                                     || [SYSTEM]
        new CaseAction.Rate(5, null)                                   || [RESIDENT]

        description = CaseDecider.verb(action)
    }

    def "the table names a post for every kind of action, and the legacy operator follows from the posts it holds"() {
        expect:
        CommandRoles.actions() == CaseAction.permittedSubclasses.toList()
        CommandRoles.actions().every { type -> !(OPERATOR in CommandRoles.posts(type)) }
        CommandRoles.actions().every { type ->
            (OPERATOR in CommandRoles.allowed(type)) == CommandRoles.posts(type).any { it in [ACCEPTOR, SHIFT_LEADER, DISPATCHER, LEADER] }
        }
    }

    def "a refusal for the role names who may do it instead, in Chinese first"() {
        when:
        def decision = DECIDER.decide(caseIn(CaseState.FILED), command('case-1', CaseFixtures.ACCEPTOR, new CaseAction.Dispatch('SANITATION', null, null)))

        then:
        (decision as Decision.Rejected).rejection().message() ==
                '受理员不能派遣，这是派遣员、值班员（旧）、系统的工作 / an acceptor may not dispatch; that is for dispatcher or operator or system'
    }
}
