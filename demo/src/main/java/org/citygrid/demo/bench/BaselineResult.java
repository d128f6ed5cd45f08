package org.citygrid.demo.bench;

/**
 * One raw component baseline, measured in the same run on the same broker and database as the ladder.
 *
 * @param name what was measured, as the table and chart label it
 * @param rate messages per second it was paced at
 */
public record BaselineResult(String name, double rate, Percentiles latency) {
}
