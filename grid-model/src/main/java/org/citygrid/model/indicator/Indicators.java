package org.citygrid.model.indicator;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The evaluation indicators (综合评价指标) of one tally: its counts, and the rates and averages
 * computed from them. A rate is a fraction between 0 and 1 and is absent, never 0 or NaN, when
 * its denominator is zero: "no case was closed" and "no case was closed on time" must not look
 * alike.
 *
 * <p>Every figure is a ratio of facts counted in the same tally, that is, of events in the same
 * period and key. A period's closure rate therefore compares the closures in it with the filings
 * in it, wherever those cases were filed; it is not the share of that period's filings that are
 * closed by now, and may exceed 1 for a short period.
 *
 * @param tally what is counted
 */
public record Indicators(IndicatorTally tally) {

    private static final double SECONDS_PER_HOUR = 3600.0;

    public Indicators {
        Objects.requireNonNull(tally, "tally");
    }

    public static Indicators of(IndicatorTally tally) {
        return new Indicators(tally);
    }

    /** 上报数: cases opened by a report (duplicates merged later not included). */
    public long reports() {
        return tally.get(Counter.REPORTED);
    }

    /** 有效上报数: reports filed as cases; the same count as {@link #filed()}. */
    public long validReports() {
        return tally.get(Counter.FILED);
    }

    /** 立案数. */
    public long filed() {
        return tally.get(Counter.FILED);
    }

    /** 结案数. */
    public long closed() {
        return tally.get(Counter.CLOSED);
    }

    /** 超期数: deadlines passed, all stages together ({@code OVERDUE_FILING + ... + OVERDUE_CLOSING}). */
    public long overdueCount() {
        return tally.get(Counter.OVERDUE_FILING) + tally.get(Counter.OVERDUE_VERIFICATION) + tally.get(Counter.OVERDUE_DISPATCH)
                + tally.get(Counter.OVERDUE_HANDLING) + tally.get(Counter.OVERDUE_CHECK) + tally.get(Counter.OVERDUE_CLOSING);
    }

    /** 有效上报率 = filed / (filed + dismissed): the share of decided reports that became cases. */
    public OptionalDouble validReportRate() {
        return ratio(tally.get(Counter.FILED), tally.get(Counter.FILED) + tally.get(Counter.DISMISSED));
    }

    /**
     * 按时立案率 = filing decisions on time / (filed + dismissed): decisions made by the filing
     * deadline. (Called the on-time verification rate before verification tasks: it never measured
     * verification.)
     */
    public OptionalDouble onTimeFilingRate() {
        return ratio(tally.get(Counter.FILING_ON_TIME), tally.get(Counter.FILED) + tally.get(Counter.DISMISSED));
    }

    /** 按时核实率 = verifications on time / verifications: made by the verification task's deadline. */
    public OptionalDouble onTimeVerificationRate() {
        return ratio(tally.get(Counter.VERIFICATIONS_ON_TIME), tally.get(Counter.VERIFICATIONS));
    }

    /** 应结案数 = closed + due but open at the period's end (needs a tally of {@link IndicatorCalculator#period}). */
    public long due() {
        return tally.get(Counter.CLOSED) + tally.get(Counter.DUE_OPEN);
    }

    /**
     * 结案率 as GB/T 30428 and CJ/T 292 state it: closed / 应结案数, so an open case past its
     * deadline lowers it. Between 0 and 1.
     */
    public OptionalDouble closureRateOfDue() {
        return ratio(tally.get(Counter.CLOSED), due());
    }

    /** 按期结案率 as the standard states it: closed on time / 应结案数. */
    public OptionalDouble onTimeClosureRateOfDue() {
        return ratio(tally.get(Counter.CLOSED_ON_TIME), due());
    }

    /** 按时派遣率 = dispatched on time / dispatched (re-dispatches not included). */
    public OptionalDouble onTimeDispatchRate() {
        return ratio(tally.get(Counter.DISPATCHED_ON_TIME), tally.get(Counter.DISPATCHED));
    }

    /**
     * Closures per filing in the period, closed / filed: not the standard's 结案率 (which
     * {@link #closureRateOfDue()} is), kept for the views that show it; may exceed 1.
     */
    public OptionalDouble closureRate() {
        return ratio(tally.get(Counter.CLOSED), tally.get(Counter.FILED));
    }

    /**
     * The share of closed cases closed on time, closed on time / closed: not the standard's 按期结案率
     * ({@link #onTimeClosureRateOfDue()}). A closed case is on time when no stage of it was ever
     * late: every step kept its deadline and none was marked overdue ({@code CaseClock.lateStages()}).
     */
    public OptionalDouble onTimeClosureRate() {
        return ratio(tally.get(Counter.CLOSED_ON_TIME), tally.get(Counter.CLOSED));
    }

    /** 按时处置率 = feedbacks on time / feedbacks; a rework round's feedback counts again. */
    public OptionalDouble onTimeHandlingRate() {
        return ratio(tally.get(Counter.HANDLED_ON_TIME), tally.get(Counter.HANDLED));
    }

    /** 按时核查率 = checks on time / checks. */
    public OptionalDouble onTimeCheckRate() {
        return ratio(tally.get(Counter.CHECKED_ON_TIME), tally.get(Counter.CHECKED));
    }

    /** 返工率 = checks failed / checks. */
    public OptionalDouble reworkRate() {
        return ratio(tally.get(Counter.REWORKED), tally.get(Counter.CHECKED));
    }

    /** 回退率 = returned / dispatched (re-dispatches not included). */
    public OptionalDouble returnRate() {
        return ratio(tally.get(Counter.RETURNED), tally.get(Counter.DISPATCHED));
    }

    /**
     * 平均处置用时 (working hours) = handling working seconds / handling samples / 3600: per case
     * whose check passed, from first dispatch to the passed feedback, by the category's SLA clock.
     */
    public OptionalDouble averageHandlingHours() {
        long samples = tally.get(Counter.HANDLING_SAMPLES);
        return samples == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(tally.get(Counter.HANDLING_WORKING_SECONDS) / SECONDS_PER_HOUR / samples);
    }

    /** 满意率 = ratings of 4 or 5 / ratings. */
    public OptionalDouble satisfactionRate() {
        return ratio(tally.get(Counter.SATISFIED), tally.get(Counter.RATINGS));
    }

    /** 平均评分 = score sum / ratings, on the scale 1 to 5. */
    public OptionalDouble averageScore() {
        return ratio(tally.get(Counter.RATING_SCORE_SUM), tally.get(Counter.RATINGS));
    }

    private static OptionalDouble ratio(long numerator, long denominator) {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
    }
}
