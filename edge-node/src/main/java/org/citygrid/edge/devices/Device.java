package org.citygrid.edge.devices;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.citygrid.model.category.SensorType;
import org.citygrid.model.geo.GeoPoint;
import org.citygrid.model.text.TextRules;
import org.citygrid.model.text.TextViolation;

/**
 * One entry of the device registry: a sensor or a patrol field device allowed to talk to an edge
 * node. The constructor refuses an entry the node could not use safely, with a message that names
 * the device.
 *
 * @param id            device id, the {@code {deviceId}} in {@code /s/{deviceId}}
 * @param pskIdentity   the DTLS PSK identity the device presents in its handshake
 * @param key           the pre-shared key as text (what libcoap's {@code -k} and most firmware take);
 *                      at least {@value #MIN_KEY_BYTES} bytes as UTF-8
 * @param sensorType    a {@link SensorType} id for sensors; absent for patrol field devices
 * @param position      where the device is mounted (WGS 84); for sensors this is the alarm position
 * @param neighbourhood the neighbourhood the device belongs to
 * @param revoked       a revoked device keeps its entry for the record but may not connect
 * @param workers       the user ids of the grid workers who carry this field device: the only
 *                      {@code reporter}s its patrol reports may name (absent or empty: its reports
 *                      name no reporter and are filed under the device); sensors have none
 */
public record Device(String id, String pskIdentity, String key, String sensorType, GeoPoint position,
                     String neighbourhood, boolean revoked, List<String> workers) {

    /**
     * The shortest pre-shared key taken, in bytes: anyone who records one PSK handshake can test
     * guesses of the key offline, as fast as they can compute, so a key needs the 128 bits of a
     * random 16-byte one (the demo writes 16 random bytes as 32 hex characters).
     */
    public static final int MIN_KEY_BYTES = 16;

    public Device {
        List<TextViolation> idProblems = TextRules.deviceId().named("id").check(id);
        if (id == null || !idProblems.isEmpty()) {
            throw new IllegalArgumentException("device id " + id + " is not valid: "
                    + (id == null ? "it is missing" : idProblems.getFirst().en()));
        }
        if (pskIdentity == null || pskIdentity.isBlank() || key == null || key.isEmpty()) {
            throw new IllegalArgumentException("device " + id + " needs a pskIdentity and a key");
        }
        int keyBytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (keyBytes < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("device " + id + ": its pre-shared key is " + keyBytes + " bytes, it must"
                    + " be at least " + MIN_KEY_BYTES + " (a shorter key can be guessed offline from one recorded handshake)");
        }
        if (sensorType != null && SensorType.fromId(sensorType).isEmpty()) {
            throw new IllegalArgumentException("device " + id + " has unknown sensorType " + sensorType);
        }
        if (sensorType != null && position == null) {
            throw new IllegalArgumentException("sensor " + id + " needs a position");
        }
        workers = workers == null ? List.of() : List.copyOf(workers);
        if (sensorType != null && !workers.isEmpty()) {
            throw new IllegalArgumentException("sensor " + id + " cannot have workers: only a patrol field device"
                    + " (no sensorType) carries a grid worker's reports");
        }
        Set<String> seen = new HashSet<>();
        for (String worker : workers) {
            List<TextViolation> problems = TextRules.reporterId().named("worker").check(worker);
            if (worker == null || !problems.isEmpty()) {
                throw new IllegalArgumentException("device " + id + " links worker " + worker + ", which is not a user id: "
                        + (worker == null ? "it is null" : problems.getFirst().en()));
            }
            if (!seen.add(worker)) {
                throw new IllegalArgumentException("device " + id + " links worker " + worker + " twice");
            }
        }
    }

    public Optional<SensorType> type() {
        return sensorType == null ? Optional.empty() : SensorType.fromId(sensorType);
    }

    public byte[] keyBytes() {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether this device's reports may name {@code reporter}: one of its workers, or itself. */
    public boolean mayReportFor(String reporter) {
        return id.equals(reporter) || workers.contains(reporter);
    }

    @Override
    public String toString() {
        // never the key: device records end up in logs
        return "Device[" + id + ", identity " + pskIdentity + ", " + (sensorType == null ? "field device" : sensorType)
                + (revoked ? ", revoked" : "") + "]";
    }
}
