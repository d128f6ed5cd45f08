package org.citygrid.model.evaluation

import static org.citygrid.model.indicator.Counter.*

import java.time.YearMonth
import org.citygrid.model.cases.Role
import org.citygrid.model.grid.AreaName
import org.citygrid.model.grid.GridCode
import org.citygrid.model.indicator.AreaLevel
import org.citygrid.model.indicator.Counter
import org.citygrid.model.indicator.IndicatorKey
import org.citygrid.model.indicator.IndicatorTally
import org.citygrid.model.patrol.PatrolArea
import org.citygrid.model.patrol.PatrolAreas
import spock.lang.Shared
import spock.lang.Specification

/**
 * March 2026 worked by hand with the shipped configuration (docs/evaluation.md): the counters of
 * each object are written here, and every score below was computed on paper from the formulas and
 * weights of CJ/T 292 (regions and posts, as public implementations state them) and of Chengdu
 * Jinniu's 数字城管 rule (departments). Grades: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below.
 */
class HandWorkedMonthSpec extends Specification {

    static IndicatorTally tally(Map<Counter, Long> counts) { new IndicatorTally(counts) }

    static final String STREET_A = '110101001'
    static final String STREET_B = '110101002'
    static final String GRID_1 = '110101001001001'
    static final String GRID_2 = '110101001001002'

    static final Map<IndicatorKey, IndicatorTally> MARCH = [
            // street A: 40 filed, 8 of them first reported by the public; 30 closed (24 on time), 10 due but open
            (new IndicatorKey.Area(AreaLevel.STREET, STREET_A))       : tally([(FILED): 40L, (PUBLIC_FILED): 8L, (CLOSED): 30L,
                                                                             (CLOSED_ON_TIME): 24L, (DUE_OPEN): 10L]),
            // street B: 22 filed, 2 of them put on the ledger; 2 public; 18 closed, all on time, 2 due but open
            (new IndicatorKey.Area(AreaLevel.STREET, STREET_B))       : tally([(FILED): 22L, (LEDGERED): 2L, (PUBLIC_FILED): 2L,
                                                                             (CLOSED): 18L, (CLOSED_ON_TIME): 18L, (DUE_OPEN): 2L]),
            // a community: not the configured level, not evaluated
            (new IndicatorKey.Area(AreaLevel.COMMUNITY, '110101001001')): tally([(FILED): 50L]),
            // the supervisor's patrol area: grid 1 and grid 2
            (new IndicatorKey.Area(AreaLevel.GRID, GRID_1))           : tally([(FILED): 30L, (PUBLIC_FILED): 3L]),
            (new IndicatorKey.Area(AreaLevel.GRID, GRID_2))           : tally([(FILED): 20L, (PUBLIC_FILED): 2L]),
            (new IndicatorKey.Department('SANITATION'))               : tally([(HANDLED): 45L, (HANDLING_DUE_OPEN): 5L, (HANDLED_ON_TIME): 40L,
                                                                             (REWORKED): 4L, (CLOSED): 35L, (DUE_OPEN): 5L, (EXTENDED): 5L]),
            (new IndicatorKey.Department('DRAINAGE'))                 : IndicatorTally.ZERO,
            (new IndicatorKey.Person('worker-1'))                     : tally([(REPORTED): 50L, (FILED): 45L, (VERIFICATIONS): 10L,
                                                                             (VERIFICATIONS_ON_TIME): 9L, (CHECKED): 20L, (CHECKED_ON_TIME): 19L]),
            (new IndicatorKey.Person('acceptor-1'))                   : tally([(INTAKES): 600L, (VERIFICATIONS_SENT): 100L,
                                                                             (VERIFICATIONS_SENT_ON_TIME): 95L, (CHECKS_SENT): 80L, (CHECKS_SENT_ON_TIME): 72L]),
            (new IndicatorKey.Person('shift-leader-1'))               : tally([(FILED): 200L, (DISMISSED): 50L, (FILING_ON_TIME): 225L,
                                                                             (VOIDED): 4L, (SENT_BACK): 6L, (CLOSED): 160L, (CLOSED_BY_DEADLINE): 152L]),
            (new IndicatorKey.Person('dispatcher-1'))                 : tally([(DISPATCHED): 150L, (DISPATCHED_ON_TIME): 135L, (MISDISPATCHED): 3L]),
            (new IndicatorKey.Person('dispatcher-2'))                 : tally([(DISPATCHED): 75L, (DISPATCHED_ON_TIME): 60L, (MISDISPATCHED): 15L]),
            (new IndicatorKey.Person('operator-1'))                   : tally([(FILED): 9L])]

    static final Map<String, Role> POSTS = ['worker-1'      : Role.GRID_WORKER, 'acceptor-1': Role.ACCEPTOR,
                                            'shift-leader-1': Role.SHIFT_LEADER, 'dispatcher-1': Role.DISPATCHER,
                                            'dispatcher-2'  : Role.DISPATCHER, 'worker-2': Role.GRID_WORKER]

    static final PatrolAreas AREAS = PatrolAreas.of([new PatrolArea('PA-1', AreaName.zh('第1监督网格'),
            [GridCode.parse(GRID_1), GridCode.parse(GRID_2)], ['worker-1'])])

    @Shared
    EvaluationResult march = new Evaluator(EvaluationConfig.loadDefault()).evaluate(
            EvaluationPeriod.month(YearMonth.of(2026, 3)), MARCH, POSTS, AREAS)

    def "the month's objects: two streets, two departments, and the people of the evaluated posts"() {
        expect:
        march.period().label() == '2026-03'
        march.scores().collect { "${it.kind()} ${it.code()}".toString() } == [
                'REGION 110101001', 'REGION 110101002', 'DEPARTMENT DRAINAGE', 'DEPARTMENT SANITATION',
                'SUPERVISOR worker-1', 'SUPERVISOR worker-2', 'ACCEPTOR acceptor-1', 'SHIFT_LEADER shift-leader-1',
                'DISPATCHER dispatcher-1', 'DISPATCHER dispatcher-2']
    }

    def "#kind #code: scores #expectedScores, composite #composite, grade #grade"() {
        when:
        def s = march.score(kind, code).get()

        then:
        s.indicators().collect { it.score() } == expectedScores.collect { it == null ? null : new BigDecimal(it) }
        s.composite() == (composite == null ? null : new BigDecimal(composite))
        s.grade()?.grade() == grade

        where:
        kind                    | code             || expectedScores                               | composite | grade
        // 监督举报率 8/40 → (1−0.2)×100 = 80; 立案数 40 of the largest 40 → 100; 结案率 30/40 → 75; 按期结案率 24/40 → 60
        // 80×10% + 100×20% + 75×30% + 60×40% = 8 + 20 + 22.5 + 24
        ObjectKind.REGION       | STREET_A         || ['80.00', '100.00', '75.00', '60.00']        | '74.50'   | 'C'
        // 立案数 22 − 2 on the ledger = 20: 监督举报率 2/20 → 90; 20/40 → 50; 结案率 18/20 → 90; 按期结案率 18/20 → 90
        // 9 + 10 + 27 + 36
        ObjectKind.REGION       | STREET_B         || ['90.00', '50.00', '90.00', '90.00']         | '82.00'   | 'B'
        // nothing to handle: no indicator applies, no composite
        ObjectKind.DEPARTMENT   | 'DRAINAGE'       || [null, null, null, null, null]               | null      | null
        // 应处置数 45 + 5 = 50: 处置率 45/50 → 90; 按期处置率 40/50 → 80; 返工率 4/(35+5) → 90; 超期待处置率 5/50 → 90; 延期率 5/50 → 90
        // 90×30% + 80×20% + 90×20% + 90×20% + 90×10% = 27 + 16 + 18 + 18 + 9
        ObjectKind.DEPARTMENT   | 'SANITATION'     || ['90.00', '80.00', '90.00', '90.00', '90.00'] | '88.00'   | 'B'
        // 有效上报率 45/50 → 90; 漏报率 (3+2)/(30+20) → 90; 按时核实率 9/10 → 90; 按时核查率 19/20 → 95
        // 36 + 18 + 18 + 19
        ObjectKind.SUPERVISOR   | 'worker-1'       || ['90.00', '90.00', '90.00', '95.00']         | '91.00'   | 'A'
        // a supervisor without a patrol area or any work this month: nothing applies
        ObjectKind.SUPERVISOR   | 'worker-2'       || [null, null, null, null]                     | null      | null
        // 受理数 600 → band 501..1200 → 75; 核实按时派发率 95/100 → 95; 核查按时派发率 72/80 → 90
        // 75×25% + 95×40% + 90×35% = 18.75 + 38 + 31.5
        ObjectKind.ACCEPTOR     | 'acceptor-1'     || ['75.00', '95.00', '90.00']                  | '88.25'   | 'B'
        // 按时立案率 225/(200+50) → 90; 准确立案率 (200−4−6)/200 → 95; 按时结案率 152/160 → 95
        // 22.5 + 38 + 33.25
        ObjectKind.SHIFT_LEADER | 'shift-leader-1' || ['90.00', '95.00', '95.00']                   | '93.75'   | 'A'
        // 派遣数 150 of the largest 150 → 100; 按时派遣率 135/150 → 90; 准确派遣率 147/150 → 98
        // 20 + 36 + 39.2
        ObjectKind.DISPATCHER   | 'dispatcher-1'   || ['100.00', '90.00', '98.00']                  | '95.20'   | 'A'
        // 派遣数 75 of 150 → 50; 按时派遣率 60/75 → 80; 准确派遣率 60/75 → 80
        // 10 + 32 + 32
        ObjectKind.DISPATCHER   | 'dispatcher-2'   || ['50.00', '80.00', '80.00']                   | '74.00'   | 'C'
    }

    def "an object's result carries the inputs of its formulas"() {
        when:
        def a = march.score(ObjectKind.REGION, STREET_A).get()
        def closure = a.indicator(EvaluationIndicator.CLOSURE_RATE).get()
        def filed = a.indicator(EvaluationIndicator.FILED_COUNT).get()
        def missed = march.score(ObjectKind.SUPERVISOR, 'worker-1').get().indicator(EvaluationIndicator.MISSED_REPORT_RATE).get()

        then:
        [closure.numerator(), closure.denominator(), closure.value(), closure.weight()] == [30L, 40L, new BigDecimal('0.75'), 30]
        [filed.numerator(), filed.denominator(), filed.reference()] == [40L, 1L, 40L]
        [missed.numerator(), missed.denominator()] == [5L, 50L]
        a.tally().get(DUE_OPEN) == 10
    }

    def "an indicator with nothing to measure leaves its weight to the others"() {
        given: 'a supervisor who reported and checked, but was sent nothing to verify'
        def tallies = [(new IndicatorKey.Person('worker-1')): tally([(REPORTED): 10L, (FILED): 8L, (CHECKED): 4L, (CHECKED_ON_TIME): 4L])]

        when:
        def s = new Evaluator(EvaluationConfig.loadDefault()).evaluate(EvaluationPeriod.parse('2026-04'), tallies,
                ['worker-1': Role.GRID_WORKER], PatrolAreas.of([])).score(ObjectKind.SUPERVISOR, 'worker-1').get()

        then: 'valid reports 80 (weight 40) and checks 100 (weight 20); 漏报率 and 按时核实率 do not apply: (3200 + 2000) / 60'
        s.composite() == new BigDecimal('86.67')
        s.grade().grade() == 'B'
    }
}
