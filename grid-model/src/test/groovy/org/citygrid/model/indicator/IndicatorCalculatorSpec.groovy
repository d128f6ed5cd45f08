package org.citygrid.model.indicator

import org.citygrid.model.testkit.*

import static org.citygrid.model.testkit.CaseFixtures.*
import static org.citygrid.model.indicator.Counter.*

import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import org.citygrid.model.cases.Case
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseChange
import org.citygrid.model.cases.Stage
import org.citygrid.model.indicator.IndicatorKey.Area
import org.citygrid.model.indicator.IndicatorKey.Category
import org.citygrid.model.indicator.IndicatorKey.Department
import org.citygrid.model.indicator.IndicatorKey.Person
import spock.lang.Shared
import spock.lang.Specification

class IndicatorCalculatorSpec extends Specification {

    static final Area STREET = new Area(AreaLevel.STREET, '110101001')

    def calculator = new IndicatorCalculator(IndicatorFacts.using(RULES))

    /**
     * Eleven reports in one grid: one dismissed, ten filed. Seven closed: two of them with a late
     * feedback, one after a rework; three still open. Three closed cases rated 5, 4 and 2.
     */
    @Shared
    List<Story> month = [
            Story.reported('c01').toClosed().rate(5),
            Story.reported('c02').toClosed().rate(4),
            Story.reported('c03').toClosed().rate(2),
            Story.reported('c04').toClosed(),
            Story.reported('c05').file().dispatch().accept().after(Duration.ofHours(24)).overdue(Stage.HANDLING).handled().pass().close(),
            Story.reported('c06').file().dispatch().accept().after(Duration.ofHours(25)).handled().pass().close(),
            Story.reported('c07').toHandled().fail().dispatch().accept().handled().pass().close(),
            Story.reported('c08').file().dispatch().accept(),
            Story.reported('c09').toHandled(),
            Story.reported('c10').file().voided(),
            Story.reported('c11').dismiss(),
    ]

    @Shared
    List history = RandomHistories.interleave(new Random(7), month*.events)

    def "the month's #name is #expected"() {
        when:
        def indicators = Indicators.of(calculator.totals(history)[STREET])

        then:
        Math.abs(indicators."$name"().asDouble - (expected as double)) < 1e-9

        where:
        name                 || expected
        'closureRate'        || 7 / 10
        'onTimeClosureRate'  || 5 / 7
        'onTimeHandlingRate' || 7 / 9     // 6 closed first time, 2 feedbacks of the reworked case, 1 waiting for its check
        'reworkRate'         || 1 / 8     // 7 passed checks and 1 failed
        'validReportRate'    || 10 / 11
        'satisfactionRate'   || 2 / 3
        'averageScore'       || 11 / 3
    }

    def "the month's counts"() {
        when:
        def indicators = Indicators.of(calculator.totals(history)[STREET])

        then:
        indicators.reports() == 11
        indicators.filed() == 10
        indicators.closed() == 7
        indicators.overdueCount() == 1
        indicators.tally().get(VOIDED) == 1
        indicators.tally().get(DISPATCHED) == 10   // the reworked case twice; the voided one never
    }

    def "every area level above the grid counts the same month, since all its cases are in one grid"() {
        when:
        def totals = calculator.totals(history)

        then:
        AreaLevel.values().collect { totals[Area.of(it, Story.GRID)] }.unique().size() == 1
    }

    def "the department's figures leave out what happened before the case reached it"() {
        when:
        def department = calculator.totals(history)[new Department('SANITATION')]

        then:
        department.get(REPORTED) == 0
        department.get(FILED) == 0
        department.get(CLOSED) == 7
        department.get(HANDLED) == 9
    }

    def "the handler's and the checker's figures are their own work"() {
        when:
        def totals = calculator.totals(history)

        then:
        totals[new Person(HANDLER.id())] == IndicatorTally.sum([
                IndicatorTally.of(HANDLED, 9), IndicatorTally.of(HANDLED_ON_TIME, 7),
                IndicatorTally.of(HANDLING_SAMPLES, 7), IndicatorTally.of(HANDLING_WORKING_SECONDS, totals[STREET].get(HANDLING_WORKING_SECONDS))])
        totals[new Person(CHECKER.id())].get(CHECKED) == 8
        totals[new Person(CHECKER.id())].get(REWORKED) == 1
    }

    def "a window counts only the events inside it, on a case state built from all of them"() {
        given: 'a case filed on the first day and closed a week later'
        def story = Story.reported('c1').file().dispatch().accept().after(Duration.ofDays(7)).handled().pass().close()
        def closedAt = story.current.times().closedAt().get()

        when:
        def week2 = calculator.totals(story.events, T0 + Duration.ofDays(1), closedAt + Duration.ofMinutes(1))[new Category(MANHOLE)]

        then:
        week2.get(CLOSED) == 1
        week2.get(FILED) == 0
        week2.get(HANDLED) == 1
    }

    def "a window includes its start and excludes its end"() {
        given:
        def events = Story.reported('c1').file().events
        def filedAt = events.last().at()

        expect:
        calculator.totals(events, filedAt, filedAt + Duration.ofMinutes(1))[new Category(MANHOLE)] == IndicatorTally.sum([
                IndicatorTally.of(FILED), IndicatorTally.of(FILING_ON_TIME), IndicatorTally.of(PUBLIC_FILED)])
        calculator.totals(events, filedAt - Duration.ofMinutes(1), filedAt)[new Category(MANHOLE)] == IndicatorTally.of(REPORTED)
    }

    def "a window that ends before it starts is refused"() {
        when:
        calculator.totals(history, T0, T0 - Duration.ofSeconds(1))

        then:
        thrown(IllegalArgumentException)
    }

    def "days are calendar days in Shanghai, eight hours ahead of UTC"() {
        given: 'reported at 15:59 UTC (23:59 in Shanghai), filed at 16:00 UTC (00:00 the next day)'
        def events = Story.reported('c1', at: Instant.parse('2026-03-02T15:59:00Z')).file().events

        when:
        def days = calculator.byDay(events)

        then:
        days.keySet() as List == [LocalDate.parse('2026-03-02'), LocalDate.parse('2026-03-03')]
        days[LocalDate.parse('2026-03-02')][new Category(MANHOLE)] == IndicatorTally.of(REPORTED)
        days[LocalDate.parse('2026-03-03')][new Category(MANHOLE)].get(FILED) == 1
    }

    def "a history with a hole in a case's versions is refused"() {
        given:
        def events = Story.reported('c1').toClosed().events
        events.remove(3)

        when:
        calculator.totals(events)

        then:
        thrown(IllegalArgumentException)
    }

    def "random histories: the sum of the daily tallies is the total (seed #seed)"() {
        given:
        def events = RandomHistories.history(seed)

        when:
        def totals = calculator.totals(events)
        def summedDays = calculator.byDay(events).values().inject([:]) { sum, day -> merge(sum, day) }

        then:
        summedDays == totals

        where:
        seed << (1..8)
    }

    def "random histories: per-event contributions in shuffled order and random groups sum to the total (seed #seed)"() {
        given: 'what a streaming aggregation sees: one contribution map per event, summed as it comes'
        def events = RandomHistories.history(seed)
        def facts = IndicatorFacts.using(RULES)
        def cases = [:]
        def contributions = events.collect { e ->
            Case before = cases[e.caseId()]
            Case after = before == null ? Case.open(e) : before.apply(e)
            cases[e.caseId()] = after
            facts.contributions(before, e, after)
        }
        def r = new Random(seed)
        Collections.shuffle(contributions, r)

        when: 'summed in random chunks, and the chunks summed'
        def chunks = contributions.collate(1 + r.nextInt(20)).collect { chunk -> chunk.inject([:]) { sum, c -> merge(sum, c) } }
        def streamed = chunks.inject([:]) { sum, c -> merge(sum, c) }

        then:
        streamed == calculator.totals(events)

        where:
        seed << (1..8)
    }

    def "random histories: two adjacent windows add up to the window that spans both (seed #seed)"() {
        given:
        def events = RandomHistories.history(seed)
        def from = events*.at().min()
        def to = events*.at().max() + Duration.ofSeconds(1)
        def split = from + Duration.ofMinutes(new Random(seed).nextInt((int) Duration.between(from, to).toMinutes()))

        expect:
        merge(calculator.totals(events, from, split), calculator.totals(events, split, to)) == calculator.totals(events, from, to)
        calculator.totals(events, from, to) == calculator.totals(events)

        where:
        seed << (1..8)
    }

    def "random histories reach every counter, so the properties above are tested where it matters"() {
        when: 'the events of eight histories, and the due cases at the end of their second, third and fourth days'
        def seen = (1..8).collectMany { seed ->
            def events = RandomHistories.history(seed)
            def from = events*.at().min()
            def ends = [2, 3, 4].collect { from + Duration.ofDays(it) }
            (calculator.totals(events).values() + ends.collectMany { calculator.period(events, from, it).values() })*.counts()*.keySet().flatten()
        } as Set

        then:
        seen == Counter.values() as Set
    }

    def "a period counts what happened in it, and at its end the cases due but open: an overdue open case lowers the closure rate"() {
        given: 'one case closed within the month, one dispatched and past its handling deadline at the end of it, one on hold'
        def closed = Story.reported('c1').toClosed()
        def overdue = Story.reported('c2').file().dispatch()
        def onHold = Story.reported('c3').file().dispatch().accept().step(OPERATOR, new CaseAction.Suspend('waiting for a permit'))
        def events = closed.events + overdue.events + onHold.events
        def end = T0 + Duration.ofDays(3)

        when:
        def tally = calculator.period(events, T0, end)[new Category(MANHOLE)]
        def indicators = Indicators.of(tally)

        then:
        tally.get(CLOSED) == 1
        tally.get(DUE_OPEN) == 1
        tally.get(HANDLING_DUE_OPEN) == 1
        indicators.due() == 2
        indicators.closureRateOfDue().asDouble == 0.5d
        indicators.closureRate().asDouble == 1 / 3d

        and: 'the department that holds the overdue case has it due to be handled'
        calculator.period(events, T0, end)[new Department('SANITATION')].get(HANDLING_DUE_OPEN) == 1

        and: 'before its deadline passed, the same case is not due yet'
        !calculator.period(events, T0, T0 + Duration.ofHours(2))[new Category(MANHOLE)].counts().containsKey(DUE_OPEN)
    }

    static Map<IndicatorKey, IndicatorTally> merge(Map<IndicatorKey, IndicatorTally> a, Map<IndicatorKey, IndicatorTally> b) {
        def sum = new LinkedHashMap(a)
        b.each { key, tally -> sum.merge(key, tally, IndicatorTally::plus) }
        sum
    }
}
