package org.citygrid.bench.casecycle;

import org.citygrid.bench.measure.Percentiles;

/**
 * One paced phase: reports offered at a steady rate, latency from when each was due to when its outcome was
 * visible.
 *
 * @param rate          reports per second offered
 * @param reports       reports sent
 * @param missing       reports with no outcome by the end of the drain
 * @param merged        reports that joined another case (none expected: they have no latency of their own)
 * @param settledPerSecond outcomes per second over the time they came out in (first to last): the offered rate if
 *                      the pipeline keeps up, whatever the constant delay in front of it; less if a queue grew
 * @param keptUp        every report settled and {@code settledPerSecond} reached the minimum share of the rate
 * @param latency       due → visible, of the reports that opened a case
 * @param senderLateMs  how late the sender was at worst against its schedule (counted in the latency)
 */
record PacedResult(double rate, int reports, int missing, int merged, double settledPerSecond, boolean keptUp,
                   Percentiles latency, double senderLateMs) {
}
