package org.citygrid.model.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.cases.Evidence;
import org.citygrid.model.geo.GeoPoint;

/**
 * A problem report as any channel delivers it to the case cycle, before it is validated, placed in
 * a grid and matched against open cases. Edge nodes, the mobile API and the Open311 endpoint all
 * write this one shape to the intake topic.
 *
 * <p>Positions are WGS 84: producers convert GCJ-02 and BD-09 before writing.
 *
 * @param intakeId     deterministic id chosen by the producer (edge event id, the app's report id,
 *                     the Open311 request id); a resend carries the same id and is recognised
 * @param channel      how the report arrived
 * @param source       who produced the record: an edge node id, {@code mobile-api}, an Open311 client
 * @param observedAt   when the problem was seen (sensor reading time, photo time)
 * @param categoryCode catalogue code with its kind, e.g. {@code C0101}; {@code null} for sensor alarms, which are categorised by
 *                     {@code sensorType}
 * @param sensorType   for {@link Channel#SENSOR}: the sensor type id, e.g. {@code manhole-tilt}
 * @param deviceId     for {@link Channel#SENSOR}: the reporting device
 * @param alarm        for {@link Channel#SENSOR}: the alarm episode edge
 * @param position     WGS 84 position
 * @param description  free text, may be empty
 * @param reporterId   the reporting user; for sensors, the device id
 * @param anonymous    hide the reporter from the public; absent means {@code false}
 * @param media        photos already stored, by reference
 */
public record IntakeRecord(
        String intakeId,
        Channel channel,
        String source,
        Instant observedAt,
        String categoryCode,
        String sensorType,
        String deviceId,
        SensorAlarm alarm,
        GeoPoint position,
        String description,
        String reporterId,
        Boolean anonymous,
        List<Evidence> media) {

    public IntakeRecord {
        anonymous = anonymous != null && anonymous;
        description = description == null ? "" : description;
        media = media == null ? List.of() : List.copyOf(media);
        List<String> problems = problems(intakeId, channel, source, observedAt, categoryCode, sensorType,
                deviceId, alarm, position, reporterId);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid intake record " + intakeId + ": " + String.join("; ", problems));
        }
    }

    private static List<String> problems(String intakeId, Channel channel, String source, Instant observedAt,
                                         String categoryCode, String sensorType, String deviceId,
                                         SensorAlarm alarm, GeoPoint position, String reporterId) {
        List<String> problems = new ArrayList<>();
        if (blank(intakeId)) {
            problems.add("intakeId is required");
        }
        if (channel == null) {
            problems.add("channel is required");
        }
        if (blank(source)) {
            problems.add("source is required");
        }
        if (observedAt == null) {
            problems.add("observedAt is required");
        }
        if (position == null) {
            problems.add("position is required");
        }
        if (blank(reporterId)) {
            problems.add("reporterId is required");
        }
        if (channel == Channel.SENSOR) {
            if (blank(sensorType)) {
                problems.add("a sensor record needs a sensorType");
            }
            if (blank(deviceId)) {
                problems.add("a sensor record needs a deviceId");
            }
            if (alarm == null) {
                problems.add("a sensor record needs an alarm");
            }
        } else if (channel != null && blank(categoryCode)) {
            problems.add("a " + channel + " record needs a categoryCode");
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Whether this record ends a sensor alarm episode rather than reporting a problem. */
    public boolean clearsAlarm() {
        return alarm != null && alarm.state() == AlarmState.CLEARED;
    }

    /** Convenience for non-sensor channels. */
    public static IntakeRecord report(String intakeId, Channel channel, String source, Instant observedAt,
                                      String categoryCode, GeoPoint position, String description,
                                      String reporterId, boolean anonymous, List<Evidence> media) {
        Objects.requireNonNull(channel, "channel");
        return new IntakeRecord(intakeId, channel, source, observedAt, categoryCode, null, null, null, position,
                description, reporterId, anonymous, media);
    }
}
