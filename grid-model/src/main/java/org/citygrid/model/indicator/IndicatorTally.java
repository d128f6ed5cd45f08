package org.citygrid.model.indicator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bag of {@link Counter}s: what the facts of some events add up to for one key. Immutable;
 * {@link #plus} is associative and commutative with {@link #ZERO} as identity, so per-event,
 * per-day, per-window and whole-history tallies all sum to the same figures in any order and
 * grouping, whether a batch replay or a streaming aggregation does the summing.
 *
 * <p>Counters at zero are left out of {@link #counts()}, which keeps equality independent of how a
 * tally was built and its JSON ({@code {"counts":{"FILED":3}}}) small.
 *
 * @param counts the non-zero counters
 */
public record IndicatorTally(Map<Counter, Long> counts) {

    public static final IndicatorTally ZERO = new IndicatorTally(Map.of());

    public IndicatorTally {
        EnumMap<Counter, Long> copy = new EnumMap<>(Counter.class);
        counts.forEach((counter, amount) -> {
            Objects.requireNonNull(counter, "counter");
            Objects.requireNonNull(amount, "amount");
            if (amount < 0) {
                throw new IllegalArgumentException("counters never go below zero: " + counter + " = " + amount);
            }
            if (amount > 0) {
                copy.put(counter, amount);
            }
        });
        counts = Collections.unmodifiableMap(copy);
    }

    /** A tally of one fact. */
    public static IndicatorTally of(Counter counter) {
        return of(counter, 1);
    }

    public static IndicatorTally of(Counter counter, long amount) {
        return new IndicatorTally(Map.of(counter, amount));
    }

    /** The sum of any number of tallies; {@link #ZERO} for none. */
    public static IndicatorTally sum(Iterable<IndicatorTally> tallies) {
        EnumMap<Counter, Long> sum = new EnumMap<>(Counter.class);
        for (IndicatorTally tally : tallies) {
            tally.counts.forEach((counter, amount) -> sum.merge(counter, amount, Long::sum));
        }
        return new IndicatorTally(sum);
    }

    /** The value of one counter; zero if nothing was counted. */
    public long get(Counter counter) {
        return counts.getOrDefault(counter, 0L);
    }

    public IndicatorTally plus(IndicatorTally other) {
        if (other.counts.isEmpty()) {
            return this;
        }
        if (counts.isEmpty()) {
            return other;
        }
        return sum(List.of(this, other));
    }

    /** Whether nothing was counted. Not part of the JSON form: it follows from the counts. */
    public boolean isZero() {
        return counts.isEmpty();
    }
}
