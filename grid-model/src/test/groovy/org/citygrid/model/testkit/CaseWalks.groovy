package org.citygrid.model.testkit

import static org.citygrid.model.testkit.CaseFixtures.*

import java.time.Duration
import java.time.Instant
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.Case
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.cases.Channel
import org.citygrid.model.cases.ExtensionKind
import org.citygrid.model.casenumber.CaseNumber
import org.citygrid.model.cases.CommandRoles
import org.citygrid.model.cases.Role
import org.citygrid.model.cases.Stage

/**
 * Random command sequences from random actors at random times, on the {@link CaseFixtures} world:
 * histories that between them reach every kind of change, for specs that must hold whatever
 * happens (invariants, round trips through the wire formats, indicator sums). Seeds are fixed so a
 * failure can be replayed.
 */
class CaseWalks {

    static final List<Actor> ACTORS = [RESIDENT, OTHER_RESIDENT, PATROLLER, CHECKER, OPERATOR, ACCEPTOR, SHIFT_LEADER,
                                       DISPATCHER, LEADER, ADMIN, SYSTEM,
                                       HANDLER, STRANGER_HANDLER, Actor.handler('handler-2', 'WATER_SUPPLY')]

    static List<CaseAction> candidates(Random r) {
        def supervisor = ['worker-1', 'worker-2', 'worker-3'][r.nextInt(3)]
        [
                new CaseAction.AssignVerification(supervisor, null),
                new CaseAction.Verify(r.nextBoolean(), r.nextBoolean() ? 'seen on site' : null, r.nextInt(4) == 0 ? [] : [PHOTO]),
                new CaseAction.CorrectReport([MANHOLE, DUMPING][r.nextInt(2)], null, null, null, r.nextInt(4) == 0 ? 'wrong category' : null),
                new CaseAction.SendBack(r.nextInt(5) == 0 ? 'filed wrongly' : null),
                new CaseAction.File(null),
                new CaseAction.Dismiss(r.nextBoolean() ? 'not a problem' : ''),
                new CaseAction.Dispatch(['SANITATION', 'WATER_SUPPLY', 'NOPE'][r.nextInt(3)], null, null),
                new CaseAction.Accept(),
                new CaseAction.Return(r.nextBoolean() ? 'not ours' : null),
                new CaseAction.RequestExtension(Duration.ofHours(r.nextInt(60) - 5), 'parts',
                        r.nextBoolean() ? ExtensionKind.POSTPONEMENT : null),
                new CaseAction.ApproveExtension(null),
                new CaseAction.RejectExtension('no'),
                new CaseAction.Suspend('hold'),
                new CaseAction.Resume(null),
                new CaseAction.ReportHandled('done', r.nextInt(4) == 0 ? [] : [PHOTO]),
                new CaseAction.AssignCheck(supervisor, null),
                new CaseAction.Check(r.nextInt(3) > 0, 'checked', [PHOTO]),
                new CaseAction.Close(null),
                new CaseAction.Void(r.nextInt(5) == 0 ? 'void' : null),
                new CaseAction.PutOnLedger(r.nextInt(6) == 0 ? 'season' : null, null),
                new CaseAction.TakeOffLedger(null),
                new CaseAction.Press(r.nextBoolean() ? 'within the day' : null),
                new CaseAction.Urge(null),
                new CaseAction.AssignNumber(new CaseNumber(2026, '110101', 1 + r.nextInt(100))),
                new CaseAction.MergeDuplicate(report(sourceId: "dup-${r.nextInt(5)}", reporter: 'resident-2')),
                new CaseAction.MergeDuplicate(report(sourceId: "alarm-${r.nextInt(3)}", channel: Channel.SENSOR, reporter: 'sensor-7')),
                new CaseAction.ClearAlarm("ep-${r.nextInt(3)}", "clear-${r.nextInt(1000)}"),
                new CaseAction.WarnDeadline(Stage.values()[r.nextInt(4)]),
                new CaseAction.MarkOverdue(Stage.values()[r.nextInt(4)]),
                new CaseAction.Escalate(r.nextInt(4)),
                new CaseAction.Rate(r.nextInt(7), null),
        ]
    }

    /** One random walk of 400 steps from a fresh report, seeded so that it can be replayed. */
    static List<CaseEvent> walk(long seed) {
        walk(seed) { Case before, Case after, CaseEvent e, List<CaseEvent> history -> }
    }

    /**
     * One random walk from a fresh report; {@code eachStep} sees every accepted event as it is
     * applied, with the case before and after it and the history so far, to assert what must hold.
     */
    static List<CaseEvent> walk(long seed, Closure eachStep) {
        def r = new Random(seed)
        def history = [DECIDER.decide(null, command('case-1', RESIDENT, new CaseAction.Report(report()), T0)).events()[0]]
        Case c = Case.open(history[0])
        Instant now = T0
        400.times {
            now = now + Duration.ofMinutes(r.nextInt(600))
            def actions = candidates(r)
            def action = actions[r.nextInt(actions.size())]
            if (action instanceof CaseAction.Void || action instanceof CaseAction.Dismiss) {
                action = actions[r.nextInt(actions.size())]   // ending early leaves less to test
            }
            def decision = DECIDER.decide(c, command(c.id(), pickActor(r, c, action), action, now))
            decision.events().each { e ->
                def before = c
                history << e
                c = c.apply(e)
                eachStep(before, c, e, history)
            }
        }
        history
    }

    /** Mostly someone who may act (the right department's handler), sometimes anyone at all. */
    static Actor pickActor(Random r, Case c, CaseAction action) {
        if (r.nextInt(5) == 0) {
            return ACTORS[r.nextInt(ACTORS.size())]
        }
        def roles = CommandRoles.allowed(action)
        def fitting = ACTORS.findAll { it.role() in roles && (it.role() != Role.HANDLER || it.department() == c.department().orElse(null)) }
        fitting ? fitting[r.nextInt(fitting.size())] : ACTORS[r.nextInt(ACTORS.size())]
    }

}
