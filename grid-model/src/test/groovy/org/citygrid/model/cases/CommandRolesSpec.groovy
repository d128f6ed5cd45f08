package org.citygrid.model.cases

import org.citygrid.model.testkit.*

import static org.citygrid.model.testkit.CaseFixtures.*

import java.time.Duration
import spock.lang.Specification

/**
 * Every action against every role. The allowed roles are written out here on purpose, rather than
 * read from {@link CommandRoles}: a change to who may do what must change this table too.
 */
class CommandRolesSpec extends Specification {

    static final Map<Role, Actor> ACTORS = [
            (Role.RESIDENT)   : CaseFixtures.RESIDENT,
            (Role.GRID_WORKER): CaseFixtures.CHECKER,
            (Role.HANDLER)    : CaseFixtures.HANDLER,
            (Role.OPERATOR)   : CaseFixtures.OPERATOR,
            (Role.ADMIN)      : CaseFixtures.ADMIN,
            (Role.SYSTEM)     : CaseFixtures.SYSTEM]

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
        action                                                       || allowed
        new CaseAction.Report(report(sourceId: 'x'))                 || [Role.RESIDENT, Role.GRID_WORKER, Role.OPERATOR, Role.SYSTEM]
        new CaseAction.Verify(true, null, [PHOTO])                   || [Role.GRID_WORKER]
        new CaseAction.File(null)                                    || [Role.OPERATOR, Role.SYSTEM]
        new CaseAction.Dismiss('r')                                  || [Role.OPERATOR]
        new CaseAction.Dispatch('WATER_SUPPLY', null, null)          || [Role.OPERATOR, Role.SYSTEM]
        new CaseAction.Accept()                                      || [Role.HANDLER]
        new CaseAction.Return('r')                                   || [Role.HANDLER]
        new CaseAction.RequestExtension(Duration.ofHours(1), 'r')    || [Role.HANDLER]
        new CaseAction.ApproveExtension(null)                        || [Role.OPERATOR]
        new CaseAction.RejectExtension('r')                          || [Role.OPERATOR]
        new CaseAction.Suspend('r')                                  || [Role.OPERATOR]
        new CaseAction.Resume(null)                                  || [Role.OPERATOR]
        new CaseAction.ReportHandled('n', [PHOTO])                   || [Role.HANDLER]
        new CaseAction.Check(true, 'n', [PHOTO])                     || [Role.GRID_WORKER]
        new CaseAction.Close(null)                                   || [Role.OPERATOR, Role.SYSTEM]
        new CaseAction.Void('r')                                     || [Role.OPERATOR, Role.ADMIN]
        new CaseAction.MergeDuplicate(report(sourceId: 'dup'))       || [Role.OPERATOR, Role.SYSTEM]
        new CaseAction.ClearAlarm('ep-1', 'clr-1')                   || [Role.SYSTEM]
        new CaseAction.WarnDeadline(Stage.HANDLING)                  || [Role.SYSTEM]
        new CaseAction.MarkOverdue(Stage.HANDLING)                   || [Role.SYSTEM]
        new CaseAction.Escalate(1)                                   || [Role.SYSTEM]
        new CaseAction.Rate(5, null)                                 || [Role.RESIDENT]

        description = CaseDecider.verb(action)
    }

    def "a refusal for the role names who may do it instead"() {
        when:
        def decision = DECIDER.decide(caseIn(CaseState.FILED), command('case-1', CaseFixtures.RESIDENT, new CaseAction.Dispatch('SANITATION', null, null)))

        then:
        (decision as Decision.Rejected).rejection().message() == 'a resident may not dispatch; that is for operator or system'
    }
}
