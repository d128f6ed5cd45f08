package org.citygrid.model.indicator

import static org.citygrid.model.indicator.Counter.*

import spock.lang.Specification

class IndicatorsSpec extends Specification {

    static Indicators of(Map<Counter, Long> counts) { Indicators.of(new IndicatorTally(counts)) }

    def "#rate is #expected"() {
        expect:
        Math.abs(of(counts)."$rate"().asDouble - expected) < 1e-12

        where:
        rate                     | counts                                                             || expected
        'closureRate'            | [(CLOSED): 7L, (FILED): 10L]                                       || 0.7d
        'onTimeClosureRate'      | [(CLOSED_ON_TIME): 5L, (CLOSED): 7L]                               || 5 / 7d
        'onTimeHandlingRate'     | [(HANDLED_ON_TIME): 3L, (HANDLED): 4L]                             || 0.75d
        'onTimeCheckRate'        | [(CHECKED_ON_TIME): 1L, (CHECKED): 4L]                             || 0.25d
        'onTimeDispatchRate'     | [(DISPATCHED_ON_TIME): 9L, (DISPATCHED): 10L]                      || 0.9d
        'onTimeFilingRate'       | [(FILING_ON_TIME): 3L, (FILED): 2L, (DISMISSED): 2L]               || 0.75d
        'onTimeVerificationRate' | [(VERIFICATIONS_ON_TIME): 3L, (VERIFICATIONS): 4L]                 || 0.75d
        'closureRateOfDue'       | [(CLOSED): 7L, (DUE_OPEN): 3L, (FILED): 20L]                       || 0.7d
        'onTimeClosureRateOfDue' | [(CLOSED_ON_TIME): 5L, (CLOSED): 7L, (DUE_OPEN): 3L]                || 0.5d
        'validReportRate'        | [(FILED): 3L, (DISMISSED): 1L]                                     || 0.75d
        'reworkRate'             | [(REWORKED): 1L, (CHECKED): 8L]                                    || 0.125d
        'returnRate'             | [(RETURNED): 1L, (DISPATCHED): 5L]                                 || 0.2d
        'satisfactionRate'       | [(SATISFIED): 2L, (RATINGS): 3L]                                   || 2 / 3d
        'averageScore'           | [(RATING_SCORE_SUM): 11L, (RATINGS): 3L]                           || 11 / 3d
        'averageHandlingHours'   | [(HANDLING_WORKING_SECONDS): 3 * 3600L, (HANDLING_SAMPLES): 2L]    || 1.5d
    }

    def "#rate is absent, not zero, when its denominator is zero even though its numerator is not"() {
        expect:
        !of(counts)."$rate"().present

        where:
        rate                     | counts
        'closureRate'            | [(CLOSED): 3L]
        'onTimeClosureRate'      | [(CLOSED_ON_TIME): 1L]
        'onTimeHandlingRate'     | [(HANDLED_ON_TIME): 1L]
        'onTimeCheckRate'        | [(CHECKED_ON_TIME): 1L]
        'onTimeDispatchRate'     | [(DISPATCHED_ON_TIME): 1L]
        'onTimeFilingRate'       | [(FILING_ON_TIME): 1L]
        'onTimeVerificationRate' | [(VERIFICATIONS_ON_TIME): 1L, (FILED): 3L]
        'closureRateOfDue'       | [(FILED): 3L, (CLOSED_ON_TIME): 1L]
        'onTimeClosureRateOfDue' | [(CLOSED_ON_TIME): 1L, (FILED): 2L]
        'validReportRate'        | [(REPORTED): 4L]
        'reworkRate'             | [(REWORKED): 1L]
        'returnRate'             | [(RETURNED): 1L, (REDISPATCHED): 1L]
        'satisfactionRate'       | [(SATISFIED): 1L]
        'averageScore'           | [(RATING_SCORE_SUM): 5L]
        'averageHandlingHours'   | [(HANDLING_WORKING_SECONDS): 60L]
    }

    def "a rate of nothing achieved over something is zero, not absent"() {
        expect:
        of([(FILED): 4L]).closureRate().asDouble == 0.0d
    }

    def "the overdue count adds up every stage"() {
        expect:
        of([(OVERDUE_FILING): 1L, (OVERDUE_VERIFICATION): 20L, (OVERDUE_DISPATCH): 2L, (OVERDUE_HANDLING): 3L,
            (OVERDUE_CHECK): 4L, (OVERDUE_CLOSING): 100L]).overdueCount() == 130
    }

    def "valid reports are the filed reports"() {
        expect:
        of([(REPORTED): 5L, (FILED): 3L, (DISMISSED): 2L]).validReports() == 3
    }
}
