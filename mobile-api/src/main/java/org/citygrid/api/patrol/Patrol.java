package org.citygrid.api.patrol;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.citygrid.api.accounts.CurrentUser;
import org.citygrid.api.errors.Invalid;
import org.citygrid.api.validation.CityArea;
import org.citygrid.api.validation.Positions;
import org.citygrid.model.geo.GeoPoint;

/**
 * A grid worker's patrol: the track their phone posts in batches while they are on duty, and their
 * patrol area (the unit grids they cover). How on-duty time is rated is the posts work's (issue 16);
 * here the points are only kept, checked and in WGS 84.
 */
@Singleton
public class Patrol {

    /** One batch: a phone posting every minute at most every few seconds stays far below it. */
    public static final int MAX_POINTS = 500;
    /** A phone that was offline for a shift posts its points late; older ones are not a patrol any more. */
    static final Duration OLDEST = Duration.ofDays(2);
    /** Phones' clocks drift. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final PatrolStore store;
    private final CityArea city;
    private final Clock clock;

    Patrol(PatrolStore store, CityArea city, Clock clock) {
        this.store = store;
        this.city = city;
        this.clock = clock;
    }

    /** A batch of track points as the phone sends it, in the coordinate system of {@code crs} (wgs84 by default). */
    @Introspected
    public record TrackBatch(@Nullable String crs, @NotNull @Size(min = 1, max = MAX_POINTS) List<@NotNull @Valid Point> points) {
    }

    /** @param accuracy metres, as the phone's geolocation estimates it */
    @Introspected
    public record Point(@NotNull Double lon, @NotNull Double lat, @NotNull Instant at, @Nullable Float accuracy) {
    }

    /** What became of a batch: how many points came and how many were new (a retried batch adds none). */
    public record Received(int received, int kept) {
    }

    public Received addTrack(CurrentUser worker, TrackBatch batch) {
        Instant now = clock.instant();
        List<PatrolStore.TrackPoint> points = new ArrayList<>(batch.points().size());
        for (int i = 0; i < batch.points().size(); i++) {
            Point p = batch.points().get(i);
            String field = "points[" + i + "]";
            GeoPoint wgs84 = Positions.toWgs84(field, p.lon(), p.lat(), batch.crs(), city);
            if (p.at().isAfter(now.plus(CLOCK_SKEW)) || p.at().isBefore(now.minus(OLDEST))) {
                throw Invalid.field(field + ".at", "must lie within the last " + OLDEST.toDays() + " days");
            }
            if (p.accuracy() != null && (p.accuracy() < 0 || p.accuracy() > 100_000)) {
                throw Invalid.field(field + ".accuracy", "metres, 0 to 100000");
            }
            points.add(new PatrolStore.TrackPoint(p.at(), wgs84.lon(), wgs84.lat(), p.accuracy()));
        }
        return new Received(points.size(), store.addTrack(worker.id(), points, now));
    }

    /** The worker's own points of the last {@code hours} hours, oldest first. */
    public List<PatrolStore.TrackPoint> recentTrack(CurrentUser worker, int hours) {
        if (hours < 1 || hours > 48) {
            throw Invalid.field("hours", "1 to 48");
        }
        Instant now = clock.instant();
        return store.track(worker.id(), now.minus(Duration.ofHours(hours)), now.plus(CLOCK_SKEW));
    }

    /** The grids the worker covers, as GeoJSON (WGS 84). */
    public String area(CurrentUser worker) {
        return store.gridsGeoJson(worker.grids());
    }
}
