package org.citygrid.model.testkit

import static org.citygrid.model.testkit.CaseFixtures.*

import java.time.Duration
import org.citygrid.model.casenumber.CaseNumber
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.Case
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseCommand
import org.citygrid.model.cases.CaseDecider
import org.citygrid.model.cases.CaseState
import org.citygrid.model.cases.Decision
import org.citygrid.model.cases.RejectionReason
import org.citygrid.model.cases.Stage

/**
 * What one actor gets for every action in every state, as a grid of one letter per cell: rows are
 * the actions (in the order of {@code CaseAction}), columns the states (in the order of
 * {@code CaseState}), {@code +} where the command is accepted, else the letter of the typed
 * rejection ({@link #LETTERS}). Each cell asks for the action with values the decider takes, on the
 * fixture case in that state, half an hour after its last step.
 */
class PostMatrix {

    /** One letter per rejection reason; a new reason must get one here. */
    static final Map<RejectionReason, String> LETTERS = [
            (RejectionReason.UNKNOWN_CASE)            : 'u',
            (RejectionReason.CASE_EXISTS)             : 'x',
            (RejectionReason.ROLE_NOT_ALLOWED)        : '.',
            (RejectionReason.WRONG_STATE)             : 's',
            (RejectionReason.NOT_YOUR_DEPARTMENT)     : 'd',
            (RejectionReason.REPORTER_MISMATCH)       : 'm',
            (RejectionReason.NOT_THE_REPORTER)        : 'p',
            (RejectionReason.CHECKER_IS_HANDLER)      : 'h',
            (RejectionReason.VERIFIER_IS_REPORTER)    : 'w',
            (RejectionReason.ALREADY_VERIFIED)        : 'v',
            (RejectionReason.REASON_REQUIRED)         : 'R',
            (RejectionReason.EVIDENCE_REQUIRED)       : 'E',
            (RejectionReason.INVALID_VALUE)           : 'i',
            (RejectionReason.UNKNOWN_CATEGORY)        : 'c',
            (RejectionReason.UNKNOWN_DEPARTMENT)      : 'D',
            (RejectionReason.NOT_AUTO_FILED)          : 'n',
            (RejectionReason.VERSION_CONFLICT)        : 'V',
            (RejectionReason.NO_PENDING_EXTENSION)    : 'e',
            (RejectionReason.EXTENSION_PENDING)       : 'P',
            (RejectionReason.ALREADY_RATED)           : 'r',
            (RejectionReason.ALREADY_FLAGGED)         : 'f',
            (RejectionReason.NOT_DUE)                 : 'z',
            (RejectionReason.DEADLINE_PASSED)         : 'l',
            (RejectionReason.NOT_OVERDUE)             : 'o',
            (RejectionReason.ESCALATION_OUT_OF_ORDER) : 'O',
            (RejectionReason.DUPLICATE_SOURCE)        : 'S',
            (RejectionReason.ALREADY_DISPATCHED_THERE): 'k',
            (RejectionReason.NOT_YOUR_TASK)           : 't',
            (RejectionReason.TASK_ALREADY_ASSIGNED)   : 'T',
            (RejectionReason.APPROVAL_TIER)           : 'a',
            (RejectionReason.ALREADY_NUMBERED)        : '#']

    static final List<CaseState> STATES = CaseState.values().toList()

    /** The grid for {@code actor}: one line per action, {@code Name  cells}. */
    static String of(Actor actor) {
        Map<CaseState, Case> cases = STATES.collectEntries { [(it): caseIn(it)] }
        CaseAction.permittedSubclasses.collect { type ->
            String cells = STATES.collect { state ->
                Case c = cases[state]
                def at = c.times().updatedAt() + Duration.ofMinutes(30)
                def decision = DECIDER.decide(c, CaseCommand.of('cmd-matrix', c.id(), actor, at, action(type.simpleName, c)))
                decision.accepted() ? '+' : LETTERS[(decision as Decision.Rejected).rejection().reason()]
            }.join('')
            type.simpleName.padRight(20) + cells
        }.join('\n')
    }

    /** The action with values the decider takes: a reason, a photo, another department, a supervisor... */
    static CaseAction action(String type, Case c) {
        Stage running = c.activeStage().orElse(Stage.FILING)
        switch (type) {
            case 'Report': return new CaseAction.Report(report(sourceId: 'src-new'))
            case 'AssignVerification': return new CaseAction.AssignVerification('worker-3', null)
            case 'Verify': return new CaseAction.Verify(true, null, [PHOTO])
            case 'CorrectReport': return new CaseAction.CorrectReport(DUMPING, null, null, null, 'it is dumping')
            case 'File': return new CaseAction.File(null)
            case 'Dismiss': return new CaseAction.Dismiss('private courtyard')
            case 'Dispatch': return new CaseAction.Dispatch(c.department().orElse(null) == 'WATER_SUPPLY' ? 'SANITATION' : 'WATER_SUPPLY', null, null)
            case 'SendBack': return new CaseAction.SendBack('filed wrongly')
            case 'Accept': return new CaseAction.Accept()
            case 'Return': return new CaseAction.Return('not ours')
            case 'RequestExtension': return new CaseAction.RequestExtension(Duration.ofHours(2), 'parts')
            case 'ApproveExtension': return new CaseAction.ApproveExtension(null)
            case 'RejectExtension': return new CaseAction.RejectExtension('no')
            case 'Suspend': return new CaseAction.Suspend('permit pending')
            case 'Resume': return new CaseAction.Resume(null)
            case 'ReportHandled': return new CaseAction.ReportHandled(null, [PHOTO])
            case 'AssignCheck': return new CaseAction.AssignCheck('worker-3', null)
            case 'Check': return new CaseAction.Check(true, null, [PHOTO])
            case 'Close': return new CaseAction.Close(null)
            case 'Void': return new CaseAction.Void('entered twice')
            case 'PutOnLedger': return new CaseAction.PutOnLedger('funding next year', null)
            case 'TakeOffLedger': return new CaseAction.TakeOffLedger(null)
            case 'Press': return new CaseAction.Press('fix it today')
            case 'Urge': return new CaseAction.Urge(null)
            case 'AssignNumber': return new CaseAction.AssignNumber(new CaseNumber(
                    c.times().filedAt().orElse(c.times().reportedAt()).atZone(CaseDecider.NUMBERING_ZONE).year, '110101', 1))
            case 'MergeDuplicate': return new CaseAction.MergeDuplicate(report(sourceId: 'dup-new', reporter: 'resident-2'))
            case 'ClearAlarm': return new CaseAction.ClearAlarm('ep-1', 'clr-1')
            case 'WarnDeadline': return new CaseAction.WarnDeadline(running)
            case 'MarkOverdue': return new CaseAction.MarkOverdue(running)
            case 'Escalate': return new CaseAction.Escalate(1)
            case 'Rate': return new CaseAction.Rate(5, null)
        }
        throw new IllegalArgumentException(type)
    }
}
