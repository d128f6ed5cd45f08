package org.citygrid.model.testkit

import org.citygrid.model.indicator.*

import static org.citygrid.model.testkit.CaseFixtures.*

import java.time.Duration
import java.time.Instant
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.Case
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseCommand
import org.citygrid.model.cases.CaseDecider
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.cases.CaseState
import org.citygrid.model.cases.Channel
import org.citygrid.model.geo.GeoPoint
import org.citygrid.model.cases.ReportDetails
import org.citygrid.model.cases.Role
import org.citygrid.model.cases.Stage

/**
 * One case's history, told step by step through the real state machine: each step must be
 * accepted, takes one minute unless {@link #after} moves the clock on, and appends its events.
 */
class Story {

    static final String GRID = '110101001001001'          // the standard form: 15 digits
    static final String LEGACY_GRID = '31010400500601'     // the legacy local form: 14 digits

    final String id
    final CaseDecider decider
    Case current
    Instant now
    final List<CaseEvent> events = []

    private Story(String id, Instant start, CaseDecider decider) {
        this.id = id
        this.now = start
        this.decider = decider
    }

    /**
     * A case reported now by {@code reporter}: a resident through the app, a grid worker on patrol,
     * an operator from the hotline.
     */
    static Story reported(Map args = [:], String id) {
        Actor reporter = args.by ?: RESIDENT
        def story = new Story(id, args.at ?: T0, args.decider ?: DECIDER)
        story.step(reporter, new CaseAction.Report(details(reporter, args.grid ?: GRID, args.category ?: MANHOLE, "src-$id")))
    }

    static ReportDetails details(Actor reporter, String grid, String category, String sourceId) {
        def channel = [(Role.RESIDENT): Channel.RESIDENT, (Role.GRID_WORKER): Channel.PATROL, (Role.OPERATOR): Channel.HOTLINE][reporter.role()]
        new ReportDetails(sourceId, channel, category, grid, new GeoPoint(116.397, 39.908), 'problem', reporter.id(), false, T0, [PHOTO])
    }

    Story after(Duration pause) {
        now = now + pause
        this
    }

    Story step(Actor actor, CaseAction action) {
        def decision = decider.decide(current, CaseCommand.of("cmd-$id-${events.size() + 1}", id, actor, now, action))
        assert decision.accepted(): "story of $id refused ${action.getClass().simpleName} at $now: $decision"
        decision.events().each { events << it; current = current == null ? Case.open(it) : current.apply(it) }
        now = now + Duration.ofMinutes(1)
        this
    }

    Story sendToVerify(String supervisor = CHECKER.id(), Actor acceptor = OPERATOR) {
        step(acceptor, new CaseAction.AssignVerification(supervisor, null))
    }

    Story verify(Actor supervisor = CHECKER, boolean found = true) {
        step(supervisor, new CaseAction.Verify(found, found ? null : 'nothing there', [PHOTO]))
    }

    Story sendToCheck(String supervisor = CHECKER.id(), Actor acceptor = OPERATOR) {
        step(acceptor, new CaseAction.AssignCheck(supervisor, null))
    }

    Story file() { step(OPERATOR, new CaseAction.File('meets criteria')) }

    Story dismiss() { step(OPERATOR, new CaseAction.Dismiss('not in public space')) }

    Story dispatch(String department = 'SANITATION') { step(OPERATOR, new CaseAction.Dispatch(department, null, null)) }

    Story accept(Actor handler = HANDLER) { step(handler, new CaseAction.Accept()) }

    Story giveBack(Actor handler = HANDLER) { step(handler, new CaseAction.Return('not ours')) }

    Story handled(Actor handler = HANDLER) { step(handler, new CaseAction.ReportHandled('done', [PHOTO])) }

    Story pass(Actor checker = CHECKER) { step(checker, new CaseAction.Check(true, 'fixed', [PHOTO])) }

    Story fail(Actor checker = CHECKER) { step(checker, new CaseAction.Check(false, 'still broken', [PHOTO])) }

    Story close() { step(OPERATOR, new CaseAction.Close(null)) }

    Story rate(int score) { step(RESIDENT, new CaseAction.Rate(score, null)) }

    Story overdue(Stage stage) { step(SYSTEM, new CaseAction.MarkOverdue(stage)) }

    Story voided() { step(OPERATOR, new CaseAction.Void('entered twice')) }

    /** Filed, dispatched to sanitation, accepted and handled by {@link CaseFixtures#HANDLER}. */
    Story toHandled() { file().dispatch().accept().handled() }

    /** The whole loop without a hitch. */
    Story toClosed() { toHandled().pass().close() }

    /** Takes the case the rest of the standard way round the loop, each step right away. */
    Story toClosedFromHere() {
        while (current.state() != CaseState.CLOSED) {
            switch (current.state()) {
                case CaseState.REPORTED: file(); break
                case CaseState.FILED: dispatch(); break
                case CaseState.DISPATCHED: accept(); break
                case CaseState.IN_PROGRESS: handled(); break
                case CaseState.HANDLED: pass(); break
                case CaseState.CHECK_PASSED: close(); break
                default: throw new IllegalStateException("no way from ${current.state()} to closed")
            }
        }
        this
    }

    /** The case before the last event, the last event, and the case after it. */
    List lastStep() {
        def before = events.size() == 1 ? null : Case.replay(events.subList(0, events.size() - 1))
        [before, events.last(), current]
    }
}
