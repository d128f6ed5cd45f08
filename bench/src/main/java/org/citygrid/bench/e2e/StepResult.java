package org.citygrid.bench.e2e;

import org.citygrid.bench.measure.Percentiles;

/**
 * One step of the load ladder.
 *
 * @param offered         alarm raises per second asked of the sensors
 * @param sent            raises the node acknowledged during the step
 * @param sentPerSecond   {@code sent} over the step's length: below {@code offered} when the sensors fell behind
 * @param cases           raises that opened a case of their own
 * @param toFile          of those, cases whose category does not trust sensors to file them: they wait for the
 *                        supervision desk ({@code REPORT_TO_FILE}) and are not dispatched, so they have an intent
 *                        latency and no dispatch latency
 * @param merged          raises that joined another sensor's open case nearby (no dispatch of their own)
 * @param missing         raises not settled (dispatched with TASK_ASSIGNED, waiting to be filed, or merged) by the
 *                        end of the drain
 * @param processedPerSecond raises settled (dispatched or merged) per second, from the step's start to the last one
 * @param dispatched      reading sent -> {@code Dispatched} on grid.case-events
 * @param intent          reading sent -> {@code TASK_ASSIGNED} on grid.notifications, or {@code REPORT_TO_FILE} for a
 *                        case that waits to be filed
 * @param cloudCpuPer1000 cloud-backend's CPU seconds per 1,000 alarm edges (raises and clears) of the step
 * @param edgeCpuPer1000  the edge node's, likewise
 * @param broken          why this step ended the ladder, or null
 */
public record StepResult(double offered, long sent, double sentPerSecond, long cases, long toFile, long merged, long missing,
                         double processedPerSecond, Percentiles dispatched, Percentiles intent, double cloudCpuPer1000,
                         double edgeCpuPer1000, String broken) {
}
