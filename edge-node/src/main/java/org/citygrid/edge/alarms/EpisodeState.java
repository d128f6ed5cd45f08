package org.citygrid.edge.alarms;

import java.time.Instant;

/**
 * Where one device stands in its alarm episodes.
 *
 * @param lastSeq     number of the latest episode raised (0: never raised); the next one is
 *                    {@code lastSeq + 1}
 * @param active      whether episode {@code lastSeq} is raised and not yet cleared
 * @param streak      consecutive readings on the far side of the threshold that would change
 *                    {@code active}
 * @param streakStart reading time of the first of those, {@code null} without a streak
 */
public record EpisodeState(long lastSeq, boolean active, int streak, Instant streakStart) {

    public static final EpisodeState INITIAL = new EpisodeState(0, false, 0, null);

    /** The durable part: streaks are not kept over a restart, at worst delaying an edge by a few readings. */
    public EpisodeState settled() {
        return new EpisodeState(lastSeq, active, 0, null);
    }
}
