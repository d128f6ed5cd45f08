package org.citygrid.bench.e2e;

import org.citygrid.bench.measure.Percentiles;

/**
 * One raw component baseline, measured in the same run on the same broker and database as the ladder.
 *
 * @param name what was measured, as the table and chart label it
 * @param rate messages per second it was paced at
 */
public record BaselineResult(String name, double rate, Percentiles latency) {
}
