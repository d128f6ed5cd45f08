package org.citygrid.model.testkit

import org.citygrid.model.indicator.*

import static org.citygrid.model.testkit.CaseFixtures.*

import java.time.Duration
import java.time.Instant
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.Case
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseCommand
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.testkit.CaseWalks
import org.citygrid.model.cases.CaseState
import org.citygrid.model.cases.ExtensionKind
import org.citygrid.model.cases.Role

/**
 * Histories of many cases driven by random commands through the real state machine, interleaved
 * as a log would hold them: each case's events in order, the cases mixed. The commands and actors
 * come from the case package's own invariant walk, so every kind of change turns up.
 */
class RandomHistories {

    static final List<String> GRIDS = ['110101001001001', '110101001002003', '110102003004005', '31010400500601']
    static final List<Actor> REPORTERS = [RESIDENT, PATROLLER]

    static List<CaseEvent> history(long seed, int cases = 12, int steps = 40) {
        def r = new Random(seed)
        def perCase = (1..cases).collect { caseHistory(r, "case-$it", steps) }
        interleave(r, perCase)
    }

    static List<CaseEvent> caseHistory(Random r, String id, int steps) {
        Actor reporter = REPORTERS[r.nextInt(REPORTERS.size())]
        Instant now = T0 + Duration.ofMinutes(r.nextInt(3 * 24 * 60))
        def details = Story.details(reporter, GRIDS[r.nextInt(GRIDS.size())], [MANHOLE, DUMPING][r.nextInt(2)], "src-$id")
        def events = DECIDER.decide(null, CaseCommand.of("cmd-$id-0", id, reporter, now, new CaseAction.Report(details))).events().collect()
        Case c = Case.open(events[0])
        steps.times { step ->
            def (Actor actor, CaseAction action) = r.nextInt(10) < 7 ? nextStep(r, c) : randomStep(r, c)
            now = now + Duration.ofMinutes(r.nextInt(r.nextInt(3) > 0 ? 50 : 1800))
            DECIDER.decide(c, CaseCommand.of("cmd-$id-${step + 1}", id, actor, now, action)).events().each {
                events << it
                c = c.apply(it)
            }
        }
        events
    }

    /** The next step of the standard loop, so that many cases get round it. */
    static List nextStep(Random r, Case c) {
        Actor handler = c.department().orElse(null) == 'WATER_SUPPLY' ? STRANGER_HANDLER : HANDLER
        if (r.nextInt(6) == 0 && c.activeStage().present) {
            return [SYSTEM, new CaseAction.MarkOverdue(c.activeStage().get())]   // refused unless really due
        }
        def verification = c.work().verificationTask()
        def check = c.work().checkTask()
        switch (c.state()) {
            case CaseState.REPORTED:
                if (verification != null) {
                    return [Actor.of(verification.supervisor(), Role.GRID_WORKER), new CaseAction.Verify(true, null, [PHOTO])]
                }
                if (c.verification().isEmpty() && r.nextInt(3) == 0) {
                    return [ACCEPTOR, new CaseAction.AssignVerification(CHECKER.id(), null)]
                }
                return r.nextInt(8) == 0 ? [SHIFT_LEADER, new CaseAction.Dismiss('no')] : [SHIFT_LEADER, new CaseAction.File(null)]
            case CaseState.FILED: return r.nextInt(12) == 0 ? [DISPATCHER, new CaseAction.SendBack('not a case')]
                    : [DISPATCHER, new CaseAction.Dispatch(['SANITATION', 'WATER_SUPPLY'][r.nextInt(2)], null, null)]
            case CaseState.DISPATCHED: return [handler, new CaseAction.Accept()]
            case CaseState.IN_PROGRESS:
                if (c.pendingExtension().present) {
                    return [LEADER, new CaseAction.ApproveExtension(null)]
                }
                if (r.nextInt(12) == 0) {
                    return [LEADER, new CaseAction.PutOnLedger('funding next year', null)]
                }
                return r.nextInt(6) == 0 ? [handler, new CaseAction.RequestExtension(Duration.ofHours(2), 'parts',
                        r.nextBoolean() ? ExtensionKind.POSTPONEMENT : null)] : [handler, new CaseAction.ReportHandled('done', [PHOTO])]
            case CaseState.SUSPENDED: return [DISPATCHER, new CaseAction.Resume(null)]
            case CaseState.ON_LEDGER: return [DISPATCHER, new CaseAction.TakeOffLedger(null)]
            case CaseState.HANDLED:
                if (check == null && r.nextInt(3) == 0) {
                    return [ACCEPTOR, new CaseAction.AssignCheck(PATROLLER.id(), null)]
                }
                return [check == null ? CHECKER : Actor.of(check.supervisor(), Role.GRID_WORKER),
                        new CaseAction.Check(r.nextInt(4) > 0, 'checked', [PHOTO])]
            case CaseState.CHECK_PASSED: return [SHIFT_LEADER, new CaseAction.Close(null)]
            default: return [RESIDENT, new CaseAction.Rate(1 + r.nextInt(5), null)]
        }
    }

    /** Anything at all, from the case package's invariant walk: exception paths, SLA marks, refusals. */
    static List randomStep(Random r, Case c) {
        def actions = CaseWalks.candidates(r)
        def action = actions[r.nextInt(actions.size())]
        [CaseWalks.pickActor(r, c, action), action]
    }

    /** A random merge of the lists that keeps each list's own order. */
    static List<CaseEvent> interleave(Random r, List<List<CaseEvent>> lists) {
        def queues = lists.collect { new ArrayDeque<CaseEvent>(it) }
        def merged = []
        while (queues.any { !it.isEmpty() }) {
            def open = queues.findAll { !it.isEmpty() }
            merged << open[r.nextInt(open.size())].poll()
        }
        merged
    }
}
