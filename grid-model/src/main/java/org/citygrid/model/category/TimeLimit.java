package org.citygrid.model.category;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time one step of a case may take, as the standards and local rules state it: in hours
 * (工作时: working hours on a {@link SlaClockKind#WORKING} category, clock hours on a
 * round-the-clock one) or in working days (工作日). Written {@code "5h"}, {@code "0.5h"} or
 * {@code "15wd"} in the catalogue.
 *
 * <p>A working day is the working time of one working day of the calendar (7 hours on the default
 * calendar, 9:00–12:00 and 13:30–17:30): counting it from a moment inside working hours ends at the
 * same time of day that many working days later, which is what "N 个工作日" means.
 *
 * @param amount positive, a whole number of minutes once converted
 * @param unit   hours or working days
 */
public record TimeLimit(BigDecimal amount, Unit unit) {

    /** How a limit is counted. */
    public enum Unit {
        /** 工作时 (or clock hours on a round-the-clock category): {@code "h"}. */
        HOURS("h"),
        /** 工作日: whole working days of the calendar: {@code "wd"}. */
        WORKING_DAYS("wd");

        private final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }
    }

    private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|wd)");
    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    public TimeLimit {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a time limit is positive, not " + amount.toPlainString() + unit.suffix());
        }
        amount = amount.stripTrailingZeros();
    }

    public static TimeLimit hours(double hours) {
        return new TimeLimit(BigDecimal.valueOf(hours), Unit.HOURS);
    }

    public static TimeLimit workingDays(int days) {
        return new TimeLimit(BigDecimal.valueOf(days), Unit.WORKING_DAYS);
    }

    /**
     * Parses {@code "5h"}, {@code "0.25h"} or {@code "15wd"}.
     *
     * @throws IllegalArgumentException naming the form expected
     */
    public static TimeLimit parse(String text) {
        Objects.requireNonNull(text, "time limit");
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("a time limit is hours like \"4h\" or \"0.5h\", or working days like \"15wd\"; not \""
                    + text + "\"");
        }
        Unit unit = m.group(2).equals("h") ? Unit.HOURS : Unit.WORKING_DAYS;
        return new TimeLimit(new BigDecimal(m.group(1)), unit);
    }

    /** Whether the limit comes out as whole minutes; the catalogue validator asks for it. */
    public boolean isWholeMinutes(Duration workingDay) {
        BigDecimal minutes = unit == Unit.HOURS ? amount.multiply(MINUTES_PER_HOUR)
                : amount.multiply(BigDecimal.valueOf(workingDay.toMinutes()));
        return minutes.stripTrailingZeros().scale() <= 0;
    }

    /**
     * The counted time to hand to the category's clock.
     *
     * @param workingDay the working time of one working day; for a round-the-clock category, 24 hours
     */
    public Duration toDuration(Duration workingDay) {
        BigDecimal seconds = unit == Unit.HOURS ? amount.multiply(BigDecimal.valueOf(3600))
                : amount.multiply(BigDecimal.valueOf(workingDay.toSeconds()));
        return Duration.ofSeconds(seconds.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** The catalogue's form, e.g. {@code "15wd"}. */
    @Override
    public String toString() {
        return amount.toPlainString() + unit.suffix();
    }
}
