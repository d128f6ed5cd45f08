package org.citygrid.api.indicators

import io.micronaut.test.annotation.MockBean
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.model.cases.Role
import spock.lang.Shared

import java.time.Clock
import java.time.Instant
import java.time.ZoneOffset

/**
 * The operators' indicators, read from daily tallies in grid.indicators written as cloud-backend's
 * projection writes them. Every feature uses days of its own year, so the tables it reads hold
 * only its rows whatever else the shared database holds.
 */
@MicronautTest
class IndicatorsSpec extends ApiSpec {

    /** 00:30 on 1 July 2025 in Beijing, still 30 June in UTC (and far from the real today): "today" must be China's day. */
    static final Instant NOW = Instant.parse('2025-06-30T16:30:00Z')

    @MockBean(Clock)
    Clock clock() {
        Clock.fixed(NOW, ZoneOffset.UTC)
    }

    @Shared
    TestUser operator

    def setup() {
        operator = operator ?: user(Role.OPERATOR)
    }

    static double ratio(long a, long b) { (double) a / b }

    def "the tallies of each street are summed over the days asked for, and the rates computed from the sums"() {
        given: 'two streets on days inside the range, one day before it, and the same events at community level'
        ReadModelFixture.insertTally('2024-11-01', 'area', 'STREET', '110101002', [REPORTED: 4L, FILED: 2L, CLOSED: 1L, CLOSED_ON_TIME: 1L])
        ReadModelFixture.insertTally('2024-11-20', 'area', 'STREET', '110101002', [REPORTED: 1L, FILED: 1L, CLOSED: 1L,
                HANDLED: 2L, HANDLED_ON_TIME: 1L, OVERDUE_HANDLING: 1L, RATINGS: 2L, SATISFIED: 1L, RATING_SCORE_SUM: 7L])
        ReadModelFixture.insertTally('2024-11-23', 'area', 'STREET', '110101001', [REPORTED: 1L, CHECKED: 4L, REWORKED: 1L,
                HANDLING_SAMPLES: 2L, HANDLING_WORKING_SECONDS: 36_000L])
        ReadModelFixture.insertTally('2024-10-31', 'area', 'STREET', '110101002', [REPORTED: 100L, FILED: 100L])
        ReadModelFixture.insertTally('2024-11-20', 'area', 'COMMUNITY', '110101002001', [REPORTED: 1L, FILED: 1L])

        when:
        def answer = get(operator, '/api/v1/operator/indicators?dimension=area&level=STREET&from=2024-11-01&to=2024-11-23').body()

        then:
        answer.dimension == 'area'
        answer.level == 'STREET'
        answer.from == '2024-11-01'
        answer.to == '2024-11-23'
        answer.rows*.code == ['110101001', '110101002']

        and: 'the street with events on two days'
        def street = answer.rows[1]
        street.counts == [REPORTED: 5, FILED: 3, CLOSED: 2, CLOSED_ON_TIME: 1, HANDLED: 2, HANDLED_ON_TIME: 1,
                          OVERDUE_HANDLING: 1, RATINGS: 2, SATISFIED: 1, RATING_SCORE_SUM: 7]
        street.indicators.reports == 5
        street.indicators.filed == 3
        street.indicators.closed == 2
        street.indicators.overdueCount == 1
        street.indicators.closureRate == ratio(2, 3)
        street.indicators.onTimeClosureRate == ratio(1, 2)
        street.indicators.onTimeHandlingRate == ratio(1, 2)
        street.indicators.satisfactionRate == ratio(1, 2)
        street.indicators.averageScore == ratio(7, 2)

        and: 'rates with nothing to divide by are null, not 0 and not left out'
        street.indicators.containsKey('reworkRate')
        street.indicators.reworkRate == null
        street.indicators.averageHandlingHours == null

        and: 'the other street'
        answer.rows[0].indicators.reworkRate == ratio(1, 4)
        answer.rows[0].indicators.averageHandlingHours == 5.0d
        answer.rows[0].indicators.closureRate == null
    }

    def "department and category figures have no level, and each dimension reads only its own tallies"() {
        given:
        ReadModelFixture.insertTally('2023-05-02', 'department', '', 'DRAINAGE', [DISPATCHED: 4L, DISPATCHED_ON_TIME: 3L, RETURNED: 1L])
        ReadModelFixture.insertTally('2023-05-03', 'department', '', 'DRAINAGE', [DISPATCHED: 2L, DISPATCHED_ON_TIME: 2L])
        ReadModelFixture.insertTally('2023-05-02', 'department', '', 'CITY_LIGHTING', [DISPATCHED: 1L])
        ReadModelFixture.insertTally('2023-05-02', 'category', '', 'C0101', [FILED: 2L, DISMISSED: 2L, VERIFIED_ON_TIME: 3L])
        ReadModelFixture.insertTally('2023-05-02', 'person', '', 'handler-7', [HANDLED: 9L])

        when:
        def departments = get(operator, '/api/v1/operator/indicators?dimension=department&from=2023-05-01&to=2023-05-31').body()
        def categories = get(operator, '/api/v1/operator/indicators?dimension=category&from=2023-05-01&to=2023-05-31').body()

        then:
        !departments.containsKey('level')
        departments.rows*.code == ['CITY_LIGHTING', 'DRAINAGE']
        departments.rows[1].counts == [DISPATCHED: 6, DISPATCHED_ON_TIME: 5, RETURNED: 1]
        departments.rows[1].indicators.onTimeDispatchRate == ratio(5, 6)
        departments.rows[1].indicators.returnRate == ratio(1, 6)
        categories.rows*.code == ['C0101']
        categories.rows[0].indicators.validReportRate == ratio(2, 4)
        categories.rows[0].indicators.onTimeVerificationRate == ratio(3, 4)
    }

    def "a range without tallies has no rows"() {
        expect:
        get(operator, '/api/v1/operator/indicators?dimension=area&level=GRID&from=2019-01-01&to=2019-12-31').body().rows == []
    }

    def "the daily series has every day of the range, with empty counts on days that counted nothing"() {
        given:
        ReadModelFixture.insertTally('2022-03-01', 'area', 'COMMUNITY', '110101001001', [REPORTED: 2L, FILED: 1L])
        ReadModelFixture.insertTally('2022-03-03', 'area', 'COMMUNITY', '110101001001', [CLOSED: 1L])
        ReadModelFixture.insertTally('2022-03-02', 'area', 'COMMUNITY', '110101001002', [REPORTED: 7L])
        ReadModelFixture.insertTally('2022-03-02', 'area', 'STREET', '110101001', [REPORTED: 7L])

        when:
        def series = get(operator,
                '/api/v1/operator/indicators/daily?dimension=area&level=COMMUNITY&code=110101001001&from=2022-02-28&to=2022-03-03').body()

        then:
        series.code == '110101001001'
        series.days == [[day: '2022-02-28', counts: [:]],
                        [day: '2022-03-01', counts: [REPORTED: 2, FILED: 1]],
                        [day: '2022-03-02', counts: [:]],
                        [day: '2022-03-03', counts: [CLOSED: 1]]]
    }

    def "without dates the figures cover the 30 days ending today in Beijing"() {
        when:
        def answer = get(operator, '/api/v1/operator/indicators?dimension=category').body()
        def series = get(operator, '/api/v1/operator/indicators/daily?dimension=category&code=C0101').body()

        then:
        answer.from == '2025-06-02'
        answer.to == '2025-07-01'
        series.days.size() == 30
        series.days[-1].day == '2025-07-01'
    }

    def "a range of #days days is #outcome"() {
        expect:
        get(operator, "/api/v1/operator/indicators?dimension=department&from=${from}&to=${to}").status.code == status

        where:
        from         | to           | days || status
        '2024-01-01' | '2024-12-31' | 366  || 200
        '2023-01-01' | '2024-01-01' | 366  || 200
        '2023-01-01' | '2024-01-02' | 367  || 400
        '2024-05-05' | '2024-05-05' | 1    || 200
        outcome = status == 200 ? 'answered' : 'refused'
    }
}
