package org.citygrid.model.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A supervisor's scheduled shift: the time they should be on duty in their patrol area (应在岗时长).
 *
 * @param start inclusive
 * @param end   exclusive, after {@code start}
 */
public record Shift(String supervisor, String areaId, Instant start, Instant end) {

    public Shift {
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(areaId, "areaId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a shift ends after it starts: " + start + " .. " + end);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
