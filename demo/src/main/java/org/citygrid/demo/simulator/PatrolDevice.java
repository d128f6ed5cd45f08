package org.citygrid.demo.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.citygrid.model.geo.GeoPoint;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.exception.ConnectorException;

/**
 * A grid worker's field device: posts patrol reports with a photo to its edge node's {@code /r} (docs/edge-node.md),
 * sent block-wise by Californium because the photo does not fit one datagram. Reports are placed where the
 * street's sensors stand, which is inside the node's neighbourhood.
 */
final class PatrolDevice {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Any component or event of the catalogue: what a patrol may find. */
    private static final List<String> CATEGORIES = org.citygrid.model.category.CategoryCatalogue.loadDefault()
            .categories().stream()
            .filter(c -> c.code().kind() != org.citygrid.model.category.CategoryKind.SERVICE)
            .map(c -> c.code().toString()).toList();

    private final String deviceId;
    private final String edgeUri;
    private final Endpoint endpoint;
    private final List<GeoPoint> places;
    private final String reporter;

    /** @param reporter the grid worker's user id, or null to report as the device */
    PatrolDevice(String deviceId, String edgeUri, Endpoint endpoint, List<GeoPoint> places, String reporter) {
        this.deviceId = deviceId;
        this.edgeUri = edgeUri;
        this.endpoint = endpoint;
        this.places = List.copyOf(places);
        this.reporter = reporter;
    }

    /** Posts one report; the answer's code, or null when the node did not answer. */
    CoAP.ResponseCode report(RandomGenerator random) {
        GeoPoint at = places.get(random.nextInt(places.size()));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("id", "patrol-" + UUID.randomUUID());
        report.put("category", CATEGORIES.get(random.nextInt(CATEGORIES.size())));
        // a few metres off the sensor, as a person standing next to it would be
        report.put("position", Map.of("lon", at.lon() + (random.nextDouble() - 0.5) * 1e-4,
                "lat", at.lat() + (random.nextDouble() - 0.5) * 1e-4));
        report.put("text", "巡查发现 found on patrol");
        if (reporter != null) {
            report.put("reporter", reporter);
        }
        report.put("photo", Base64.getEncoder().encodeToString(Photos.jpeg("patrol " + deviceId)));
        try {
            Request request = Request.newPost();
            request.setURI(edgeUri + "/r");
            request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
            request.setPayload(JSON.writeValueAsString(report).getBytes(StandardCharsets.UTF_8));
            CoapResponse response = CoapDevices.client(edgeUri, endpoint).advanced(request);
            return response == null ? null : response.getCode();
        } catch (ConnectorException | IOException e) {
            return null;
        }
    }

    String deviceId() {
        return deviceId;
    }

    void close() {
        endpoint.destroy();
    }
}
