package org.citygrid.model.testkit

import org.citygrid.model.cases.*

import org.citygrid.model.geo.GeoPoint

import java.time.Duration
import java.time.Instant
import org.citygrid.model.worktime.SlaClock

/**
 * A small, fixed world for the state machine: two categories, a few departments and people, and a
 * round-the-clock SLA clock so deadlines are plain arithmetic.
 */
class CaseFixtures {

    static final Instant T0 = Instant.parse('2026-03-02T01:00:00Z')
    static final String MANHOLE = 'C0101'      // component; sensors and patrols file automatically
    static final String DUMPING = 'E0101'      // event; every report waits for an operator

    static final Actor RESIDENT = Actor.of('resident-1', Role.RESIDENT)
    static final Actor OTHER_RESIDENT = Actor.of('resident-2', Role.RESIDENT)
    static final Actor PATROLLER = Actor.of('worker-1', Role.GRID_WORKER)
    static final Actor CHECKER = Actor.of('worker-2', Role.GRID_WORKER)
    static final Actor OPERATOR = Actor.of('operator-1', Role.OPERATOR)
    static final Actor ACCEPTOR = Actor.of('acceptor-1', Role.ACCEPTOR)
    static final Actor SHIFT_LEADER = Actor.of('shift-leader-1', Role.SHIFT_LEADER)
    static final Actor DISPATCHER = Actor.of('dispatcher-1', Role.DISPATCHER)
    static final Actor LEADER = Actor.of('leader-1', Role.LEADER)
    static final Actor ADMIN = Actor.of('admin-1', Role.ADMIN)
    static final Actor SYSTEM = Actor.system('case-cycle')
    static final Actor HANDLER = Actor.handler('handler-1', 'SANITATION')
    static final Actor STRANGER_HANDLER = Actor.handler('handler-9', 'WATER_SUPPLY')

    static final Evidence PHOTO = new Evidence('media/abc.jpg', 'image/jpeg')

    static final Map<Stage, Duration> LIMITS = [
            (Stage.FILING)      : Duration.ofHours(1),
            (Stage.VERIFICATION): Duration.ofHours(3),
            (Stage.DISPATCH)    : Duration.ofHours(2),
            (Stage.HANDLING)    : Duration.ofHours(24),
            (Stage.CHECK)       : Duration.ofHours(4),
            (Stage.CLOSING)     : Duration.ofHours(1)]

    static final SlaClock ROUND_THE_CLOCK = new SlaClock() {
        Instant deadline(Instant start, Duration budget) { start + budget }

        Duration elapsed(Instant from, Instant to) { to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO }
    }

    static final CaseRules RULES = new CaseRules() {
        boolean knowsCategory(String code) { code in [MANHOLE, DUMPING] }

        boolean knowsDepartment(String code) { code in ['SANITATION', 'WATER_SUPPLY', 'STREET_OFFICE:110101001'] }

        Duration timeLimit(String code, Stage stage) { LIMITS[stage] }

        SlaClock clock(String code) { ROUND_THE_CLOCK }

        boolean filesAutomatically(String code, Channel channel) {
            code == MANHOLE && channel in [Channel.SENSOR, Channel.PATROL]
        }

        Duration maxExtension(String code) { Duration.ofHours(48) }
    }

    static final CaseDecider DECIDER = new CaseDecider(RULES)

    static ReportDetails report(Map args = [:]) {
        new ReportDetails(
                args.sourceId ?: 'src-1',
                args.channel ?: Channel.RESIDENT,
                args.category ?: MANHOLE,
                '110101001001001',
                new GeoPoint(116.397, 39.908),
                args.containsKey('description') ? args.description : 'manhole cover missing',
                args.reporter ?: RESIDENT.id(),
                false,
                T0,
                [PHOTO])
    }

    /** The standard path from report to a case in {@code state}, as a list of (actor, action). */
    static List<List> pathTo(CaseState state) {
        def toReported = [[RESIDENT, new CaseAction.Report(report())]]
        def toFiled = toReported + [[OPERATOR, new CaseAction.File('meets criteria')]]
        def toDispatched = toFiled + [[OPERATOR, new CaseAction.Dispatch('SANITATION', 'handler-1', null)]]
        def toInProgress = toDispatched + [[HANDLER, new CaseAction.Accept()]]
        def toHandled = toInProgress + [[HANDLER, new CaseAction.ReportHandled('cover replaced', [PHOTO])]]
        def toPassed = toHandled + [[CHECKER, new CaseAction.Check(true, 'fixed', [PHOTO])]]
        switch (state) {
            case CaseState.REPORTED: return toReported
            case CaseState.FILED: return toFiled
            case CaseState.DISPATCHED: return toDispatched
            case CaseState.IN_PROGRESS: return toInProgress
            case CaseState.SUSPENDED: return toInProgress + [[OPERATOR, new CaseAction.Suspend('waiting for parts')]]
            case CaseState.HANDLED: return toHandled
            case CaseState.CHECK_PASSED: return toPassed
            case CaseState.CLOSED: return toPassed + [[OPERATOR, new CaseAction.Close(null)]]
            case CaseState.DISMISSED: return toReported + [[OPERATOR, new CaseAction.Dismiss('not in public space')]]
            case CaseState.VOIDED: return toReported + [[OPERATOR, new CaseAction.Void('entered twice')]]
            case CaseState.ON_LEDGER: return toInProgress + [[OPERATOR, new CaseAction.PutOnLedger('road works planned for May', null)]]
        }
        throw new IllegalArgumentException("no path to $state")
    }

    /** Drives a new case into {@code state}, one simulated minute per step. */
    static Case caseIn(CaseState state, String id = 'case-1') {
        Case current = null
        pathTo(state).eachWithIndex { step, i ->
            def decision = DECIDER.decide(current, command(id, step[0] as Actor, step[1] as CaseAction, T0 + Duration.ofMinutes(i)))
            assert decision.accepted(): "fixture path to $state refused at step $i: $decision"
            decision.events().each { current = current == null ? Case.open(it) : current.apply(it) }
        }
        current
    }

    static int counter = 0

    static CaseCommand command(String caseId, Actor actor, CaseAction action, Instant at = T0 + Duration.ofMinutes(30)) {
        CaseCommand.of("cmd-${++counter}", caseId, actor, at, action)
    }

    /** Decides and, when accepted, applies: the case afterwards (unchanged on a rejection) and the decision. */
    static Tuple2<Case, Decision> act(Case c, Actor actor, CaseAction action, Instant at = T0 + Duration.ofMinutes(30)) {
        def decision = DECIDER.decide(c, command(c?.id() ?: 'case-1', actor, action, at))
        Case after = c
        decision.events().each { after = after == null ? Case.open(it) : after.apply(it) }
        new Tuple2<>(after, decision)
    }
}
