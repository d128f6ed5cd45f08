package org.citygrid.demo.drills;

import java.time.Duration;
import java.time.Instant;

import org.citygrid.demo.Console;

/**
 * The end of a drill's load: waits for what the sensors' node acknowledged to reach the read model, and takes the
 * {@link DrillCount} once it has, or once waiting longer changes nothing. The fault drills and the poison drill.
 */
final class DrillDrain {
    /** Polls of an unchanged read model, after every edge arrived, before the count is taken as final. */
    private static final int STABLE_POLLS = 3;
    /**
     * Polls (one a second) of a read model that does not move while the case cycle's topic has every transition:
     * the projection retries a failed batch every 2 s, and a restarted one may first wait out its dead self's
     * 45 s session (without a static member id), so a working one moves within this.
     */
    private static final int STALLED_POLLS = 60;

    private DrillDrain() {
    }

    /**
     * Polls downstream until every acknowledged edge has made its case transition and the read model has stopped
     * changing; or until the case cycle has written every transition to its topic but the read model has not moved
     * for {@link #STALLED_POLLS} polls (the projection is stuck, waiting longer changes nothing); or until the
     * drain time is over. The last reading is the count either way.
     */
    static DrillCount await(AlarmLoad load, Instant brokenAt, Instant restoredAt, String nodeId, Downstream downstream,
                            Duration drain, Console console) throws InterruptedException {
        long deadline = System.nanoTime() + drain.toNanos();
        long lastEvents = -1;
        int unchanged = 0;
        while (true) {
            DrillCount count = DrillCount.of(load, brokenAt, restoredAt, nodeId, downstream.read());
            long events = count.downstream().caseEvents();
            unchanged = events == lastEvents ? unchanged + 1 : 0;
            lastEvents = events;
            if (count.drained() && unchanged >= STABLE_POLLS) {
                return count;
            }
            if (count.lostBeforeReadModel() == 0 && unchanged >= STALLED_POLLS) {
                console.say("  the case cycle has written every transition, but the read model has not moved for "
                        + STALLED_POLLS + " s: the count is final");
                return count;
            }
            if (System.nanoTime() > deadline) {
                console.say("  not drained within " + drain.toSeconds() + " s: the count is final");
                return count;
            }
            Thread.sleep(1000); // between polls only; the read model decides when the count is final
        }
    }
}
