package org.citygrid.model.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period an evaluation covers, a month or a quarter, counted in the city's days (Asia/Shanghai):
 * {@code [from, to)}. Its text form is {@code 2026-03} or {@code 2026-Q1}.
 *
 * @param label        {@code 2026-03} or {@code 2026-Q1}
 * @param start        the first day
 * @param endExclusive the day after the last
 */
public record EvaluationPeriod(String label, LocalDate start, LocalDate endExclusive) {

    /** Days of the evaluation are days in China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public EvaluationPeriod {
        Objects.requireNonNull(label, "label");
        if (!endExclusive.isAfter(start)) {
            throw new IllegalArgumentException("a period ends after it starts: " + start + " .. " + endExclusive);
        }
    }

    public static EvaluationPeriod month(YearMonth month) {
        return new EvaluationPeriod(month.toString(), month.atDay(1), month.plusMonths(1).atDay(1));
    }

    public static EvaluationPeriod quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("a quarter is 1..4, not " + quarter);
        }
        YearMonth first = YearMonth.of(year, 3 * quarter - 2);
        return new EvaluationPeriod(year + "-Q" + quarter, first.atDay(1), first.plusMonths(3).atDay(1));
    }

    /**
     * Parses {@code 2026-03} (a month) or {@code 2026-Q1} (a quarter).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static EvaluationPeriod parse(String text) {
        Objects.requireNonNull(text, "period");
        Matcher m = MONTH.matcher(text);
        if (m.matches()) {
            return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        Matcher q = QUARTER.matcher(text);
        if (q.matches()) {
            return quarter(Integer.parseInt(q.group(1)), Integer.parseInt(q.group(2)));
        }
        throw new IllegalArgumentException("a period is a month like 2026-03 or a quarter like 2026-Q1, not '" + text + "'");
    }

    /** The first instant of the period. */
    public Instant from() {
        return start.atStartOfDay(ZONE).toInstant();
    }

    /** The first instant after the period. */
    public Instant to() {
        return endExclusive.atStartOfDay(ZONE).toInstant();
    }

    @Override
    public String toString() {
        return label;
    }
}
