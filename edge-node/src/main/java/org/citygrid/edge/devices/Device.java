package org.citygrid.edge.devices;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.citygrid.model.category.SensorType;
import org.citygrid.model.geo.GeoPoint;

/**
 * One entry of the device registry: a sensor or a patrol field device allowed to talk to an edge
 * node.
 *
 * @param id            device id, the {@code {deviceId}} in {@code /s/{deviceId}}
 * @param pskIdentity   the DTLS PSK identity the device presents in its handshake
 * @param key           the pre-shared key as text (what libcoap's {@code -k} and most firmware take)
 * @param sensorType    a {@link SensorType} id for sensors; absent for patrol field devices
 * @param position      where the device is mounted (WGS 84); for sensors this is the alarm position
 * @param neighbourhood the neighbourhood the device belongs to
 * @param revoked       a revoked device keeps its entry for the record but may not connect
 */
public record Device(String id, String pskIdentity, String key, String sensorType, GeoPoint position,
                     String neighbourhood, boolean revoked) {

    public Device {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("device id must be letters, digits, '.', '_' or '-', got " + id);
        }
        if (pskIdentity == null || pskIdentity.isBlank() || key == null || key.isEmpty()) {
            throw new IllegalArgumentException("device " + id + " needs a pskIdentity and a key");
        }
        if (sensorType != null && SensorType.fromId(sensorType).isEmpty()) {
            throw new IllegalArgumentException("device " + id + " has unknown sensorType " + sensorType);
        }
        if (sensorType != null && position == null) {
            throw new IllegalArgumentException("sensor " + id + " needs a position");
        }
    }

    public Optional<SensorType> type() {
        return sensorType == null ? Optional.empty() : SensorType.fromId(sensorType);
    }

    public byte[] keyBytes() {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // never the key: device records end up in logs
        return "Device[" + id + ", identity " + pskIdentity + ", " + (sensorType == null ? "field device" : sensorType)
                + (revoked ? ", revoked" : "") + "]";
    }
}
