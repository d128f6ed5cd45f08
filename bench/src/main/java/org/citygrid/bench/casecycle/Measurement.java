package org.citygrid.bench.casecycle;

import java.util.Map;

/**
 * One topology measured once: a paced phase, then a burst, with what the broker was given to write and the CPU each
 * process used.
 *
 * @param topology  {@link CaseCycleReport#PASS_THROUGH} or {@link CaseCycleReport#CASE_CYCLE}
 * @param repetition 1, 2, ...
 * @param writes    by topic, per report of both phases: every topic but the one the load writes to (the report
 *                  itself) and the broker's own
 * @param internal  the broker's own topics ({@code __consumer_offsets}, {@code __transaction_state}): offsets per
 *                  report
 * @param pacedCpu  CPU seconds per 1,000 reports over the paced phase, its drain included
 * @param burstCpu  the same over the burst
 */
record Measurement(String topology, int repetition, PacedResult paced, BurstResult burst,
                   Map<String, TopicWrites> writes, Map<String, Double> internal, CpuSample pacedCpu,
                   CpuSample burstCpu) {

    /**
     * One topic's writes per report: data records, the transactions' markers among its offsets, and offsets that
     * were gone before they could be read back (neither: 0 unless something deleted records during the run).
     */
    record TopicWrites(double records, double markers, double unread) {
    }

    double recordsPerReport() {
        return writes.values().stream().mapToDouble(TopicWrites::records).sum();
    }

    double markersPerReport() {
        return writes.values().stream().mapToDouble(TopicWrites::markers).sum();
    }

    double unreadPerReport() {
        return writes.values().stream().mapToDouble(TopicWrites::unread).sum();
    }
}
