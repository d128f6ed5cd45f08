package org.citygrid.api.patrol;

import java.time.Instant;
import java.util.List;

/** Grid workers' patrol tracks (api.patrol_track) and the outlines of the grids they cover (grid.grids). */
public interface PatrolStore {

    /** Keeps the points a worker's phone sent; a point already kept (same worker, same instant) is not kept twice. */
    int addTrack(String workerId, List<TrackPoint> points, Instant receivedAt);

    /** The worker's points between two instants, oldest first. */
    List<TrackPoint> track(String workerId, Instant from, Instant to);

    /** These unit grids as a GeoJSON FeatureCollection (WGS 84), with their code and names. */
    String gridsGeoJson(List<String> gridCodes);

    /**
     * One point of a track, in WGS 84.
     *
     * @param accuracy the phone's estimate in metres, or null
     */
    record TrackPoint(Instant at, double lon, double lat, Float accuracy) {
    }
}
