package org.citygrid.bench.casecycle;

import org.citygrid.bench.measure.Percentiles;

/**
 * One burst: every report handed to the producer at once.
 *
 * @param reports    reports sent
 * @param missing    reports with no outcome by the end of the drain
 * @param merged     reports that joined another case
 * @param perSecond  reports settled over the time from the first send to the last outcome
 * @param latency    send → visible, of the reports that opened a case (mostly the queue in front of them)
 */
record BurstResult(int reports, int missing, int merged, double perSecond, Percentiles latency) {
}
