package org.citygrid.model.worktime;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Counts every second: the clock of emergency categories (road collapse, water logging, a missing
 * manhole cover), whose limits run through nights, weekends and holidays.
 */
public final class RoundTheClock implements SlaClock {

    /** The only instance; the clock has no configuration. */
    public static final RoundTheClock INSTANCE = new RoundTheClock();

    private RoundTheClock() {
    }

    /**
     * {@code start + budget}.
     *
     * @throws IllegalArgumentException if {@code budget} is negative
     */
    @Override
    public Instant deadline(Instant start, Duration budget) {
        Objects.requireNonNull(start, "start");
        WorkingCalendar.requireNotNegative(budget);
        return start.plus(budget);
    }

    /** The plain duration from {@code from} to {@code to}; zero when {@code to} is not after it. */
    @Override
    public Duration elapsed(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }

    @Override
    public String toString() {
        return "RoundTheClock";
    }
}
