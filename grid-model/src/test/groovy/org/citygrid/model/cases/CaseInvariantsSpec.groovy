package org.citygrid.model.cases

import static org.citygrid.model.cases.CaseFixtures.*

import java.time.Duration
import java.time.Instant
import spock.lang.Specification

/**
 * Random command sequences from random actors at random times, checking what must hold whatever
 * happens. Seeds are fixed so a failure can be replayed; the failing seed is in the message.
 */
class CaseInvariantsSpec extends Specification {

    static final List<Actor> ACTORS = [RESIDENT, OTHER_RESIDENT, PATROLLER, CHECKER, OPERATOR, ADMIN, SYSTEM,
                                       HANDLER, STRANGER_HANDLER, Actor.handler('handler-2', 'WATER_SUPPLY')]

    static List<CaseAction> candidates(Random r) {
        [
                new CaseAction.Verify(r.nextBoolean(), r.nextBoolean() ? 'seen on site' : null, r.nextInt(4) == 0 ? [] : [PHOTO]),
                new CaseAction.File(null),
                new CaseAction.Dismiss(r.nextBoolean() ? 'not a problem' : ''),
                new CaseAction.Dispatch(['SANITATION', 'WATER_SUPPLY', 'NOPE'][r.nextInt(3)], null, null),
                new CaseAction.Accept(),
                new CaseAction.Return(r.nextBoolean() ? 'not ours' : null),
                new CaseAction.RequestExtension(Duration.ofHours(r.nextInt(60) - 5), 'parts'),
                new CaseAction.ApproveExtension(null),
                new CaseAction.RejectExtension('no'),
                new CaseAction.Suspend('hold'),
                new CaseAction.Resume(null),
                new CaseAction.ReportHandled('done', r.nextInt(4) == 0 ? [] : [PHOTO]),
                new CaseAction.Check(r.nextInt(3) > 0, 'checked', [PHOTO]),
                new CaseAction.Close(null),
                new CaseAction.Void(r.nextInt(5) == 0 ? 'void' : null),
                new CaseAction.MergeDuplicate(report(sourceId: "dup-${r.nextInt(5)}", reporter: 'resident-2')),
                new CaseAction.MergeDuplicate(report(sourceId: "alarm-${r.nextInt(3)}", channel: Channel.SENSOR, reporter: 'sensor-7')),
                new CaseAction.ClearAlarm("ep-${r.nextInt(3)}", "clear-${r.nextInt(1000)}"),
                new CaseAction.WarnDeadline(Stage.values()[r.nextInt(4)]),
                new CaseAction.MarkOverdue(Stage.values()[r.nextInt(4)]),
                new CaseAction.Escalate(r.nextInt(4)),
                new CaseAction.Rate(r.nextInt(7), null),
        ]
    }

    def "random command sequences keep every invariant (seed #seed)"() {
        when:
        def history = walk(seed)

        then: 'versions run 1, 2, 3... without a gap'
        history*.version() == (1..history.size()).toList()

        and: 'the history replays to the same case'
        Case.replay(history).version() == history.last().version()

        where:
        seed << (1..60)
    }

    def "the random walks reach every kind of change, so the invariants are tested where it matters"() {
        when:
        def seen = (1..60).collectMany { walk(it) }*.change()*.getClass() as Set

        then:
        seen == CaseChange.permittedSubclasses as Set
    }

    /** One random walk from a fresh report; step invariants are asserted as it goes. */
    static List<CaseEvent> walk(long seed) {
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
                checkStepInvariants(before, c, e, history)
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

    static void checkStepInvariants(Case before, Case after, CaseEvent e, List<CaseEvent> history) {
        def changes = history*.change()
        if (after.state() == CaseState.CLOSED) {
            int lastPass = changes.findLastIndexOf { it instanceof CaseChange.CheckPassed }
            int lastFail = changes.findLastIndexOf { it instanceof CaseChange.CheckFailed }
            int lastHandled = changes.findLastIndexOf { it instanceof CaseChange.Handled }
            assert lastPass >= 0 && lastPass > lastFail && lastPass > lastHandled: 'closed without a passed check of the latest work'
        }
        after.clock().deadlines().each { stage, deadline ->
            boolean setByThisStep = before.deadline(stage).orElse(null) != deadline
            if (setByThisStep && !(e.change() instanceof CaseChange.ExtensionApproved)) {
                assert !deadline.isBefore(e.at()): "deadline $deadline of $stage set before the step at ${e.at()}"
            }
        }
        assert after.clock().deadlines().size() <= 1: 'more than one stage clock running'
        assert after.activeStage().map { after.clock().deadlines().containsKey(it) }.orElse(after.clock().deadlines().isEmpty())
        def filed = after.times().filedAt()
        if (filed.isPresent()) {
            after.clock().deadlines().values().each { assert !it.isBefore(filed.get()): 'deadline before filing' }
        }
        if (before.state().isTerminal()) {
            assert e.change() instanceof CaseChange.Rated: "a terminal case changed by ${e.change()}"
        }
        assert after.version() == before.version() + 1
        if (e.change() instanceof CaseChange.Verified) {
            assert before.state() == CaseState.REPORTED && after.state() == CaseState.REPORTED: 'verified outside the filing step'
            assert changes.count { it instanceof CaseChange.Verified } == 1: 'a report verified twice'
            assert e.actor().id() != after.report().reporterId(): 'a report verified by its own reporter'
        }
        assert after.rating().map { it >= CaseDecider.MIN_SCORE && it <= CaseDecider.MAX_SCORE }.orElse(true)
        if (after.state() in [CaseState.IN_PROGRESS, CaseState.DISPATCHED, CaseState.HANDLED]) {
            assert after.department().isPresent()
        }
        if (after.state() == CaseState.FILED) {
            assert after.department().isEmpty()
        }
    }
}
