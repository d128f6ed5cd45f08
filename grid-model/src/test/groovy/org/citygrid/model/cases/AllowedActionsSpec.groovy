package org.citygrid.model.cases

import static org.citygrid.model.cases.AllowedAction.Need.*
import static org.citygrid.model.testkit.CaseFixtures.*

import java.time.Duration
import org.citygrid.model.casenumber.CaseNumber
import java.time.Instant
import spock.lang.Shared
import spock.lang.Specification

/**
 * CaseDecider.allowedActions lists an action exactly when decide takes it: for every case state
 * (and a few cases with more going on), every role, every action and two moments (early, and days
 * after every deadline), a command with the fields the list says are required is accepted when the
 * action is listed, and a command with every field filled in is refused when it is not.
 *
 * <p>One feature per actor goes through every scenario, action and moment and reports the cells
 * that disagree: the same ~10,000 cells as one row each would take a minute under load for
 * Spock's per-row bookkeeping alone.
 */
class AllowedActionsSpec extends Specification {

    static final Instant EARLY = T0 + Duration.ofMinutes(30)
    static final Instant LATE = T0 + Duration.ofDays(3)
    static final List<Actor> ACTORS = [RESIDENT, OTHER_RESIDENT, PATROLLER, CHECKER, HANDLER, STRANGER_HANDLER,
                                       ACCEPTOR, SHIFT_LEADER, DISPATCHER, LEADER, OPERATOR, ADMIN, SYSTEM]
    static final List<String> TYPES = CaseAction.permittedSubclasses*.simpleName

    @Shared
    Map<String, Case> cases = scenarios()

    static Map<String, Case> scenarios() {
        Map<String, Case> all = CaseState.values().collectEntries { [(it.name()): caseIn(it)] }
        all['IN_PROGRESS, extension waiting'] = act(caseIn(CaseState.IN_PROGRESS), HANDLER,
                new CaseAction.RequestExtension(Duration.ofHours(8), 'parts on order')).v1
        def dispatched = caseIn(CaseState.DISPATCHED)
        def overdue = act(dispatched, SYSTEM, new CaseAction.MarkOverdue(Stage.HANDLING), LATE - Duration.ofDays(1)).v1
        all['DISPATCHED, overdue'] = overdue
        all['DISPATCHED, escalated twice'] = act(act(overdue, SYSTEM, new CaseAction.Escalate(1)).v1, SYSTEM, new CaseAction.Escalate(2)).v1
        all['REPORTED by a sensor'] = act(null, SYSTEM, new CaseAction.Report(report(channel: Channel.SENSOR, reporter: 'mc-1'))).v1
        all['REPORTED, verified'] = act(caseIn(CaseState.REPORTED), PATROLLER, new CaseAction.Verify(true, null, [PHOTO])).v1
        all['CLOSED, rated'] = act(caseIn(CaseState.CLOSED), RESIDENT, new CaseAction.Rate(4, null)).v1
        all['REPORTED, verification sent to worker-2'] = act(caseIn(CaseState.REPORTED), ACCEPTOR,
                new CaseAction.AssignVerification(CHECKER.id(), null)).v1
        all['HANDLED, check sent to worker-1'] = act(caseIn(CaseState.HANDLED), ACCEPTOR,
                new CaseAction.AssignCheck(PATROLLER.id(), null)).v1
        all['IN_PROGRESS, second extension waiting'] = act(act(act(caseIn(CaseState.IN_PROGRESS), HANDLER,
                new CaseAction.RequestExtension(Duration.ofHours(2), 'parts')).v1, DISPATCHER, new CaseAction.ApproveExtension(null)).v1,
                HANDLER, new CaseAction.RequestExtension(Duration.ofHours(2), 'more parts')).v1
        all['IN_PROGRESS, postponement waiting'] = act(caseIn(CaseState.IN_PROGRESS), HANDLER,
                new CaseAction.RequestExtension(Duration.ofDays(30), 'winter', ExtensionKind.POSTPONEMENT)).v1
        all['FILED, numbered'] = act(caseIn(CaseState.FILED), SYSTEM, new CaseAction.AssignNumber(number(caseIn(CaseState.FILED)))).v1
        all.each { name, c -> assert c != null: "scenario $name" }
        all
    }

    def "#actor.id(): in every scenario, at both moments, each action is listed exactly when decide takes it"() {
        when:
        List<String> disagree = []
        int cells = 0
        cases.each { scenario, c ->
            [EARLY, LATE].each { at ->
                def allowed = DECIDER.allowedActions(c, actor, at)
                TYPES.each { type ->
                    def listed = allowed.find { it.type() == type }
                    def action = listed ? minimal(type, listed, c) : full(type, c)
                    def decision = DECIDER.decide(c, CaseCommand.of('cmd-probe', c.id(), actor, at, action))
                    cells++
                    if (decision.accepted() != (listed != null)) {
                        disagree << "$scenario, $type at $at: ${listed ? 'listed but refused: ' + decision : 'not listed but accepted'}".toString()
                    }
                }
            }
        }

        then:
        disagree == []
        cells == cases.size() * 2 * TYPES.size()

        where:
        actor << ACTORS
    }

    def "a field the list says is required is refused when it is missing"() {
        given:
        def checked = 0

        when:
        cases.each { scenario, c ->
            ACTORS.each { actor ->
                DECIDER.allowedActions(c, actor, EARLY).each { a ->
                    ['reason', 'evidence', 'department', 'supervisor'].findAll { a."$it"() == REQUIRED }.each { field ->
                        def without = minimal(a.type(), a, c, field)
                        def d = DECIDER.decide(c, CaseCommand.of('cmd-probe', c.id(), actor, EARLY, without))
                        assert !d.accepted(): "$scenario: ${a.type()} by ${actor.id()} without $field was accepted"
                        checked++
                    }
                }
            }
        }

        then: 'the check was not empty'
        checked > 20
    }

    def "what the console needs: an operator's steps on a dispatched case, with what each must say"() {
        expect:
        DECIDER.allowedActions(caseIn(CaseState.DISPATCHED), OPERATOR, EARLY) == [
                new AllowedAction('Dispatch', true, ABSENT, OPTIONAL, ABSENT, REQUIRED, ABSENT),
                new AllowedAction('Suspend', false, REQUIRED, ABSENT, ABSENT, ABSENT, ABSENT),
                new AllowedAction('Void', false, REQUIRED, ABSENT, ABSENT, ABSENT, ABSENT),
                new AllowedAction('PutOnLedger', false, REQUIRED, ABSENT, ABSENT, ABSENT, ABSENT),
                new AllowedAction('Press', false, REQUIRED, ABSENT, ABSENT, ABSENT, ABSENT),
                new AllowedAction('Urge', false, ABSENT, OPTIONAL, ABSENT, ABSENT, ABSENT),
                new AllowedAction('MergeDuplicate', false, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT)]
    }

    def "what the dispatcher's desk needs: the command centre's steps on a dispatched case, and no more"() {
        expect:
        DECIDER.allowedActions(caseIn(CaseState.DISPATCHED), DISPATCHER, EARLY)*.type() == ['Dispatch', 'Suspend', 'Press', 'Urge']
        DECIDER.allowedActions(caseIn(CaseState.DISPATCHED), ACCEPTOR, EARLY)*.type() == ['MergeDuplicate']
        DECIDER.allowedActions(caseIn(CaseState.DISPATCHED), SHIFT_LEADER, EARLY)*.type() == ['Void']
        DECIDER.allowedActions(caseIn(CaseState.DISPATCHED), LEADER, EARLY)*.type() == ['PutOnLedger']
    }

    def "what the app needs: a grid worker checking handled work, and the one who handled it"() {
        given:
        def handled = caseIn(CaseState.HANDLED)

        expect:
        DECIDER.allowedActions(handled, CHECKER, EARLY) == [new AllowedAction('Check', false, ABSENT, REQUIRED_WHEN_NEGATIVE, REQUIRED, ABSENT, ABSENT)]
        DECIDER.allowedActions(handled, HANDLER, EARLY) == []
    }

    def "the decider's probes cover every kind of action, in the order of the sealed interface"() {
        expect:
        CaseDecider.probes(caseIn(CaseState.REPORTED))*.getClass() == CaseAction.permittedSubclasses.toList()
    }

    /** The action with only what the list says is required (and the values its type cannot do without). */
    static CaseAction minimal(String type, AllowedAction a, Case c, String leaveOut = null) {
        def reason = a.reason() == REQUIRED && leaveOut != 'reason' ? 'because' : null
        def evidence = a.evidence() == REQUIRED && leaveOut != 'evidence' ? [PHOTO] : []
        def department = a.department() == REQUIRED && leaveOut != 'department' ? otherDepartment(c) : null
        def supervisor = a.supervisor() == REQUIRED && leaveOut != 'supervisor' ? 'worker-3' : null
        switch (type) {
            case 'AssignVerification': return new CaseAction.AssignVerification(supervisor, null)
            case 'AssignCheck': return new CaseAction.AssignCheck(supervisor, null)
            case 'CorrectReport': return new CaseAction.CorrectReport(DUMPING, null, null, null, reason)
            case 'SendBack': return new CaseAction.SendBack(reason)
            case 'PutOnLedger': return new CaseAction.PutOnLedger(reason, null)
            case 'Press': return new CaseAction.Press(reason)
            case 'Verify': return new CaseAction.Verify(true, null, evidence)
            case 'File': return new CaseAction.File(null)
            case 'Dismiss': return new CaseAction.Dismiss(reason)
            case 'Dispatch': return new CaseAction.Dispatch(department, null, null)
            case 'Return': return new CaseAction.Return(reason)
            case 'RequestExtension': return new CaseAction.RequestExtension(Duration.ofHours(2), reason)
            case 'RejectExtension': return new CaseAction.RejectExtension(reason)
            case 'Suspend': return new CaseAction.Suspend(reason)
            case 'ReportHandled': return new CaseAction.ReportHandled(null, evidence)
            case 'Check': return new CaseAction.Check(true, null, evidence)
            case 'Void': return new CaseAction.Void(reason)
            default: return full(type, c)
        }
    }

    /** The action with every field filled in with a value the decider accepts. */
    static CaseAction full(String type, Case c) {
        Stage running = c.activeStage().orElse(Stage.FILING)
        switch (type) {
            case 'Report': return new CaseAction.Report(report(sourceId: 'src-new'))
            case 'AssignVerification': return new CaseAction.AssignVerification('worker-3', 'go and look')
            case 'CorrectReport': return new CaseAction.CorrectReport(DUMPING, null, null, null, 'it is dumping, not a cover')
            case 'SendBack': return new CaseAction.SendBack('not a case: private courtyard')
            case 'AssignCheck': return new CaseAction.AssignCheck('worker-3', 'check the cover')
            case 'PutOnLedger': return new CaseAction.PutOnLedger('road works planned for May', null)
            case 'TakeOffLedger': return new CaseAction.TakeOffLedger('works done')
            case 'Press': return new CaseAction.Press('fix it today')
            case 'Urge': return new CaseAction.Urge('please hurry')
            case 'AssignNumber': return new CaseAction.AssignNumber(number(c))
            case 'Verify': return new CaseAction.Verify(true, 'seen on site', [PHOTO])
            case 'File': return new CaseAction.File('meets criteria')
            case 'Dismiss': return new CaseAction.Dismiss('private courtyard')
            case 'Dispatch': return new CaseAction.Dispatch(otherDepartment(c), null, 'by hand')
            case 'Accept': return new CaseAction.Accept()
            case 'Return': return new CaseAction.Return('not ours')
            case 'RequestExtension': return new CaseAction.RequestExtension(Duration.ofHours(2), 'parts')
            case 'ApproveExtension': return new CaseAction.ApproveExtension('granted')
            case 'RejectExtension': return new CaseAction.RejectExtension('no')
            case 'Suspend': return new CaseAction.Suspend('hold')
            case 'Resume': return new CaseAction.Resume('go on')
            case 'ReportHandled': return new CaseAction.ReportHandled('done', [PHOTO])
            case 'Check': return new CaseAction.Check(true, 'fixed', [PHOTO])
            case 'Close': return new CaseAction.Close('closed')
            case 'Void': return new CaseAction.Void('entered twice')
            case 'MergeDuplicate': return new CaseAction.MergeDuplicate(report(sourceId: 'dup-new', reporter: 'resident-2'))
            case 'ClearAlarm': return new CaseAction.ClearAlarm('ep-1', 'clr-1')
            case 'WarnDeadline': return new CaseAction.WarnDeadline(running)
            case 'MarkOverdue': return new CaseAction.MarkOverdue(running)
            case 'Escalate': return new CaseAction.Escalate(c.clock().escalationLevel() + 1)
            case 'Rate': return new CaseAction.Rate(5, 'thanks')
        }
        throw new IllegalArgumentException(type)
    }

    /** The first number of the case's district and filing year (or report year, for a case never filed). */
    static CaseNumber number(Case c) {
        new CaseNumber(c.times().filedAt().orElse(c.times().reportedAt()).atZone(CaseDecider.NUMBERING_ZONE).year, '110101', 1)
    }

    static String otherDepartment(Case c) {
        c.department().orElse(null) == 'SANITATION' ? 'WATER_SUPPLY' : 'SANITATION'
    }
}
