package org.citygrid.model.evaluation

import static org.citygrid.model.testkit.CaseFixtures.*

import java.time.Duration
import java.time.Instant
import org.citygrid.model.cases.Role
import org.citygrid.model.indicator.IndicatorCalculator
import org.citygrid.model.indicator.IndicatorFacts
import org.citygrid.model.patrol.PatrolAreas
import org.citygrid.model.testkit.Story
import spock.lang.Specification

/**
 * From the case events to the evaluation of a month and of a quarter. Two cases in one street: one
 * filed and closed on time in January; one dispatched in January, left past its handling deadline
 * over the end of the month and closed late in February. January counts the second as due but open,
 * so its 结案率 is 1/2; the quarter counts both closed, so 2/2, and on time 1/2.
 */
class EvaluationFromEventsSpec extends Specification {

    static final Instant JAN_10 = Instant.parse('2026-01-10T02:00:00Z')
    static final Instant JAN_20 = Instant.parse('2026-01-20T02:00:00Z')

    def calculator = new IndicatorCalculator(IndicatorFacts.using(RULES))
    def evaluator = new Evaluator(EvaluationConfig.loadDefault())

    List events() {
        def onTime = Story.reported('c1', at: JAN_10).toClosed()
        def late = Story.reported('c2', at: JAN_20).file().dispatch().accept()
        late.after(Duration.ofDays(20)).handled().pass().close()               // 9 February
        onTime.events + late.events
    }

    EvaluationResult evaluate(String period) {
        def p = EvaluationPeriod.parse(period)
        evaluator.evaluate(p, calculator.period(events(), p.from(), p.to()), ['operator-1': Role.SHIFT_LEADER], PatrolAreas.of([]))
    }

    def "#period: the street's 结案率 #closure and 按期结案率 #onTime, over 应结案数 #due"() {
        when:
        def street = evaluate(period).score(ObjectKind.REGION, '110101001').get()
        def closureRate = street.indicator(EvaluationIndicator.CLOSURE_RATE).get()
        def onTimeRate = street.indicator(EvaluationIndicator.ON_TIME_CLOSURE_RATE).get()

        then:
        [closureRate.numerator(), closureRate.denominator()] == closure
        [onTimeRate.numerator(), onTimeRate.denominator()] == onTime
        closureRate.denominator() == due

        where:
        period    || closure  | onTime   | due
        '2026-01' || [1L, 2L] | [1L, 2L] | 2
        '2026-02' || [1L, 1L] | [0L, 1L] | 1
        '2026-Q1' || [2L, 2L] | [1L, 2L] | 2
    }

    def "the person who filed and closed, in the shift leader's post, is evaluated on their own steps"() {
        when:
        def leader = evaluate('2026-Q1').score(ObjectKind.SHIFT_LEADER, 'operator-1').get()

        then: 'two filings on time, none voided or sent back; two closings by the closing deadline'
        leader.indicators()*.score()*.toString() == ['100.00', '100.00', '100.00']
        leader.grade().grade() == 'A'
    }

    def "a period is a month or a quarter, in the city's days"() {
        expect:
        EvaluationPeriod.parse('2026-Q1').from() == Instant.parse('2025-12-31T16:00:00Z')
        EvaluationPeriod.parse('2026-Q1').to() == Instant.parse('2026-03-31T16:00:00Z')
        EvaluationPeriod.parse('2026-02').to() == Instant.parse('2026-02-28T16:00:00Z')

        when:
        EvaluationPeriod.parse('2026-13')

        then:
        thrown(IllegalArgumentException)
    }
}
