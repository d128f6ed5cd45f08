package org.citygrid.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks TCP ports on the loopback interface that nothing listens on at the time of asking. */
public final class FreePorts {
    private FreePorts() {
    }

    /**
     * Returns a port that was free a moment ago. Another process may take it before the service binds it;
     * on a developer machine or CI runner that race is rare enough that a failed start says so plainly.
     */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on 127.0.0.1", e);
        }
    }
}
