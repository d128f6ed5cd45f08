package org.citygrid.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks TCP ports on the loopback interface that nothing listens on, and checks chosen ones. */
public final class FreePorts {
    private FreePorts() {
    }

    /**
     * Returns a port that was free a moment ago. Another process may take it before the service binds it;
     * on a developer machine or CI runner that race is rare, and {@link #requireFree} then says so plainly.
     */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on 127.0.0.1", e);
        }
    }

    /** Like {@link #pick()}, but never {@code taken}: a service needing two ports must get two. */
    public static int pickOtherThan(int taken) {
        int port = pick();
        while (port == taken) {
            port = pick();
        }
        return port;
    }

    /**
     * Fails unless {@code port} on 127.0.0.1 can be bound now. Checked before a service starts because a
     * child process reports a taken port only deep in its own log, after seconds of start-up.
     *
     * @param service names the service and the port's role in the message, e.g. "Kafka broker (client port)"
     * @throws DevstackException naming the port when something listens on it
     */
    public static void requireFree(int port, String service) {
        try (ServerSocket socket = new ServerSocket()) {
            // As the services themselves do: a port in TIME_WAIT after our own restart counts as free.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (IOException e) {
            throw new DevstackException(service + " cannot listen on 127.0.0.1:" + port + ": the port is in use ("
                    + e.getMessage() + "). Stop what listens there (ss -ltnp 'sport = :" + port + "'), or leave"
                    + " the port unset so that devstack picks a free one", e);
        }
    }
}
