package org.citygrid.demo;

import java.time.Duration;

/**
 * Waiting for a point on a load's own timetable (System.nanoTime), as the benchmark's and drills' paced loops
 * do: the timetable decides, not something happening, and a late caller does not wait at all.
 */
public final class Schedule {
    private Schedule() {
    }

    /** Sleeps until {@code System.nanoTime()} reaches {@code nanos}; returns at once if it already has. */
    public static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }
}
