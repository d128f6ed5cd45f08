package org.citygrid.model.patrol;

import java.time.Instant;
import java.util.Objects;
import org.citygrid.model.geo.GeoPoint;

/**
 * One position of a supervisor's patrol track, as the app posts them in batches while on duty.
 *
 * @param supervisor the supervisor's user id
 * @param at         when the position was taken
 * @param position   WGS 84
 */
public record TrackPoint(String supervisor, Instant at, GeoPoint position) {

    public TrackPoint {
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(position, "position");
    }
}
