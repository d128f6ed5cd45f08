package org.citygrid.demo.city;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.citygrid.model.geo.GeoPoint;

/**
 * One entry of an edge node's device registry ({@code devices.json}), as documented in docs/edge-node.md. The
 * simulator reads the same file to learn each device's PSK identity and key.
 *
 * @param sensorType null for a patrol field device
 * @param position   null for a patrol field device
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DemoDevice(String id, String pskIdentity, String key, String sensorType, GeoPoint position,
                         String neighbourhood, boolean revoked) {

    /** Not a registry field: the edge node refuses a registry with fields it does not know. */
    @JsonIgnore
    public boolean isSensor() {
        return sensorType != null;
    }
}
