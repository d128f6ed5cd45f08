package org.citygrid.bench.measure;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * p50, p95 and p99 of a set of latencies, in milliseconds, by the nearest-rank method (a percentile is one of the
 * measured values, never an interpolation between two).
 */
public record Percentiles(int count, double p50, double p95, double p99) {
    public static final Percentiles NONE = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);

    public static Percentiles ofNanos(Collection<Long> nanos) {
        if (nanos.isEmpty()) {
            return NONE;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99));
    }

    private static double rank(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** A latency in milliseconds as the benchmarks print it: two decimals below 10 ms, none above, a dash for none. */
    public static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "-";
        }
        return millis < 10 ? String.format(Locale.ROOT, "%.2f", millis) : String.format(Locale.ROOT, "%.0f", millis);
    }
}
