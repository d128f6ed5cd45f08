package org.citygrid.bench.e2e;

import org.citygrid.bench.measure.Percentiles;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.citygrid.demo.DemoException;
import org.citygrid.demo.Schedule;
import org.citygrid.demo.simulator.CoapDevices;
import org.citygrid.demo.simulator.SimulatedSensor;
import org.citygrid.demo.simulator.Threshold;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * Paced round trips of one sensor's SenML post over DTLS (PSK) to a bare Californium resource in this JVM that
 * answers 2.04 and does nothing: the floor under the edge node's answer, the same client code as the ladder's
 * sensors (the simulator's {@link SimulatedSensor}). One session, handshake made before the first sample.
 */
final class BareCoapRoundTrip {
    private static final String IDENTITY = "bench-bare";
    private static final String KEY = "bench-bare-key";

    private BareCoapRoundTrip() {
    }

    static Percentiles measure(double rate, Duration length) throws InterruptedException {
        Configuration cf = new Configuration();
        cf.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        CoapServer server = new CoapServer(cf);
        server.add(new CoapResource("s") {
            @Override
            public Resource getChild(String name) {
                return this;
            }

            @Override
            public void handlePOST(CoapExchange exchange) {
                exchange.respond(CoAP.ResponseCode.CHANGED);
            }
        });
        DtlsConnectorConfig config = DtlsConnectorConfig.builder(cf)
                .setAddress(new InetSocketAddress("127.0.0.1", 0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(IDENTITY, KEY.getBytes(StandardCharsets.UTF_8)))
                .build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(cf)
                .setConnector(new DTLSConnector(config)).build();
        server.addEndpoint(endpoint);
        server.start();
        ScheduledExecutorService main = Executors.newScheduledThreadPool(1);
        ScheduledExecutorService secondary = Executors.newScheduledThreadPool(1);
        SimulatedSensor sensor = null;
        try {
            String uri = "coaps://127.0.0.1:" + endpoint.getAddress().getPort();
            sensor = new SimulatedSensor("bare-1", uri, new CoapDevices(main, secondary).endpoint(true, IDENTITY, KEY));
            Threshold rule = new Threshold("tilt", "deg", "ABOVE", 15, 5, 1, 0);
            if (sensor.post(1, Instant.now(), rule, 10_000) != CoAP.ResponseCode.CHANGED) { // the handshake
                throw new DemoException("the bare Californium resource did not answer");
            }
            List<Long> latencies = new ArrayList<>();
            long count = Math.max(1, Math.round(rate * length.toSeconds()));
            long period = Math.round(1e9 / rate);
            long start = System.nanoTime();
            for (long i = 0; i < count; i++) {
                Schedule.sleepUntil(start + i * period);
                long t0 = System.nanoTime();
                if (sensor.post(1, Instant.now(), rule, 10_000) == CoAP.ResponseCode.CHANGED) {
                    latencies.add(System.nanoTime() - t0);
                }
            }
            return Percentiles.ofNanos(latencies);
        } catch (IOException e) {
            throw new DemoException("cannot open the bare Californium baseline's client: " + e.getMessage(), e);
        } finally {
            if (sensor != null) {
                sensor.close();
            }
            server.destroy();
            main.shutdownNow();
            secondary.shutdownNow();
        }
    }
}
