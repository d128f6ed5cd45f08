package org.citygrid.cloud.duplicates;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.citygrid.cloud.geocode.LocatedIntake;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.geo.GeoPoint;
import org.citygrid.model.intake.IntakeRecord;

/**
 * When a new report is the same problem as an open case: same category, within {@code distance}
 * of the case's position, observed within {@code window} of the case's latest report, whatever
 * the channel (a sensor alarm and a resident's photo of one manhole are one case). Of several
 * such cases the nearest wins.
 *
 * <p>Sensor alarms carry their episode: a raise of an episode the case already holds is the same
 * report again. A new episode of a device whose earlier episode is on the case is <em>not</em>
 * merged: the alarm ended and came back, and that is a new occurrence for its own case.
 */
public record DuplicateRule(double distanceMetres, Duration window) {

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    public Optional<OpenCase> match(LocatedIntake intake, List<OpenCase> open) {
        IntakeRecord record = intake.record();
        if (record.channel() == Channel.SENSOR) {
            Optional<OpenCase> sameEpisode = open.stream().filter(c -> c.hasEpisode(record.alarm().episodeId())).findFirst();
            if (sameEpisode.isPresent()) {
                return sameEpisode;
            }
        }
        return open.stream()
                .filter(c -> c.categoryCode().equals(intake.categoryCode()))
                .filter(c -> record.channel() != Channel.SENSOR
                        || !c.hasOtherEpisodeOf(record.deviceId(), record.alarm().episodeId()))
                .filter(c -> !Duration.between(c.lastReportAt(), record.observedAt()).abs().minus(window).isPositive())
                .filter(c -> metres(c.position(), record.position()) <= distanceMetres)
                .min(Comparator.comparingDouble((OpenCase c) -> metres(c.position(), record.position()))
                        .thenComparing(OpenCase::caseId));
    }

    /** Great-circle distance; at a few tens of metres any formula agrees to the millimetre. */
    static double metres(GeoPoint a, GeoPoint b) {
        double lat1 = Math.toRadians(a.lat());
        double lat2 = Math.toRadians(b.lat());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
