package org.citygrid.demo.simulator;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

import org.citygrid.demo.DemoException;
import org.citygrid.demo.city.DemoDevice;

/**
 * DTLS sessions to one edge node for the demo registry's sensors, one per device as real firmware has, all on two
 * shared thread pools. Loads that must not lose a reading open a new session after an unanswered one (a restarted
 * node has forgotten the old), so opening is cheap to call again. Closing stops the pools; the sessions are their
 * owners' to close first.
 */
public final class SensorSessions implements AutoCloseable {
    private final String edgeUri;
    private final ScheduledExecutorService main;
    private final ScheduledExecutorService secondary;
    private final CoapDevices coap;

    /** @param threadPrefix names the pools' threads after the load using them, e.g. {@code drill} */
    public SensorSessions(String edgeUri, String threadPrefix) {
        this.edgeUri = edgeUri;
        this.main = Executors.newScheduledThreadPool(2, daemon(threadPrefix + "-coap"));
        this.secondary = Executors.newScheduledThreadPool(1, daemon(threadPrefix + "-coap-timer"));
        this.coap = new CoapDevices(main, secondary);
    }

    /** A new DTLS session for {@code device}, with its PSK identity and key. */
    public SimulatedSensor open(DemoDevice device) {
        try {
            return new SimulatedSensor(device.id(), edgeUri, coap.endpoint(true, device.pskIdentity(), device.key()));
        } catch (IOException e) {
            throw new DemoException("cannot open a DTLS endpoint for " + device.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        main.shutdownNow();
        secondary.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return Thread.ofPlatform().name(name + "-", 0).daemon().factory();
    }
}
