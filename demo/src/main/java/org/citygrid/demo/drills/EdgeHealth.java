package org.citygrid.demo.drills;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.citygrid.demo.simulator.CoapDevices;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.exception.ConnectorException;

/**
 * The edge node's own account of what it holds: {@code GET /health} over its plain CoAP port (docs/edge-node.md),
 * read while it is cut off from the broker. The drill's count does not rely on it; it shows what the node says.
 */
final class EdgeHealth implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MILLIS = 5_000;

    /**
     * @param outboxDepth     records in the outbox that Kafka has not acknowledged yet
     * @param forwarded       records Kafka acknowledged since the node started
     * @param forwardFailures times the forwarder gave up on its producer and started again from the cursor
     * @param forwardLagSeconds age of the oldest record not yet forwarded
     */
    record Reading(long outboxDepth, long forwarded, long forwardFailures, double forwardLagSeconds) {
    }

    private final ScheduledExecutorService main = Executors.newSingleThreadScheduledExecutor(daemon("drill-health"));
    private final ScheduledExecutorService secondary = Executors.newSingleThreadScheduledExecutor(daemon("drill-health-timer"));
    private final Endpoint endpoint;
    private final String uri;

    EdgeHealth(int plainPort) {
        try {
            endpoint = new CoapDevices(main, secondary).endpoint(false, null, null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("no UDP socket for reading the edge node's health", e);
        }
        uri = "coap://127.0.0.1:" + plainPort + "/health";
    }

    /** The node's counters, or empty when it did not answer in time (the drill reports that, and goes on). */
    Optional<Reading> read() {
        CoapClient client = new CoapClient(uri);
        client.setEndpoint(endpoint);
        client.setTimeout(TIMEOUT_MILLIS);
        try {
            CoapResponse response = client.get();
            if (response == null || !response.isSuccess()) {
                return Optional.empty();
            }
            JsonNode health = JSON.readTree(response.getPayload());
            JsonNode outbox = health.path("outbox");
            return Optional.of(new Reading(outbox.path("depth").asLong(-1), health.path("forwarded").asLong(-1),
                    health.path("forwardFailures").asLong(-1), outbox.path("forwardLagSeconds").asDouble(-1)));
        } catch (ConnectorException | IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        endpoint.destroy();
        main.shutdownNow();
        secondary.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> Thread.ofPlatform().daemon().name(name).unstarted(r);
    }
}
