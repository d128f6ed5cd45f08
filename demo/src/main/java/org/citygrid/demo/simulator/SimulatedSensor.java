package org.citygrid.demo.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.exception.ConnectorException;

/**
 * One sensor talking to its edge node: learns its rule from {@code /config/{id}}, then posts SenML packs to
 * {@code /s/{id}} (RFC 8428, application/senml+json) with the values its {@link SensorBehaviour} picks.
 */
public final class SimulatedSensor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String deviceId;
    private final String edgeUri;
    private final Endpoint endpoint;
    private SensorBehaviour behaviour;

    public SimulatedSensor(String deviceId, String edgeUri, Endpoint endpoint) {
        this.deviceId = deviceId;
        this.edgeUri = edgeUri;
        this.endpoint = endpoint;
    }

    /**
     * Asks the edge node for this sensor's rule (the first request also makes the DTLS handshake).
     *
     * @throws SimulatorException when the node does not answer or refuses the device
     */
    public Threshold fetchThreshold() {
        try {
            CoapResponse response = CoapDevices.client(edgeUri + "/config/" + deviceId, endpoint).get();
            if (response == null) {
                throw new SimulatorException("edge node " + edgeUri + " did not answer device " + deviceId
                        + " (a DTLS handshake with a wrong key or identity is refused silently: check the device's"
                        + " entry in the registry file)");
            }
            if (!response.isSuccess()) {
                throw new SimulatorException("edge node " + edgeUri + " refused GET /config/" + deviceId + ": "
                        + response.getCode() + " " + response.getResponseText());
            }
            JsonNode c = JSON.readTree(response.getPayload());
            return new Threshold(c.path("quantity").asText(), c.path("unit").asText(), c.path("direction").asText(),
                    c.path("raiseAt").asDouble(), c.path("clearAt").asDouble(), c.path("debounce").asInt(1),
                    c.path("minDurationSeconds").asInt(0));
        } catch (ConnectorException | IOException e) {
            throw new SimulatorException("cannot reach edge node " + edgeUri + " as device " + deviceId + ": " + e, e);
        }
    }

    void behaveAs(SensorBehaviour behaviour) {
        this.behaviour = behaviour;
    }

    SensorBehaviour behaviour() {
        return behaviour;
    }

    /** Posts the next reading; the answer's code, or null when the node did not answer in time. */
    CoAP.ResponseCode postNext(Instant now) {
        return post(behaviour.next(now), now, behaviour.threshold(), CoapDevices.DEFAULT_TIMEOUT_MILLIS);
    }

    /**
     * Posts one reading taken at {@code at}; the answer's code, or null when the node did not answer within
     * {@code timeoutMillis}. A device that resends a reading the node did not acknowledge sends the same value
     * and time again, as the fault drills' sensors do.
     */
    public CoAP.ResponseCode post(double value, Instant at, Threshold t, long timeoutMillis) {
        List<Map<String, Object>> pack = List.of(Map.of(
                "bn", "urn:dev:" + deviceId + ":",
                "bt", at.toEpochMilli() / 1000.0,
                "n", t.quantity(),
                "u", t.unit(),
                "v", value));
        try {
            Request request = Request.newPost();
            request.setURI(edgeUri + "/s/" + deviceId);
            request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_SENML_JSON);
            request.setPayload(JSON.writeValueAsString(pack).getBytes(StandardCharsets.UTF_8));
            CoapResponse response = CoapDevices.client(edgeUri, endpoint, timeoutMillis).advanced(request);
            return response == null ? null : response.getCode();
        } catch (ConnectorException | IOException e) {
            return null;
        }
    }

    public String deviceId() {
        return deviceId;
    }

    public void close() {
        endpoint.destroy();
    }
}
