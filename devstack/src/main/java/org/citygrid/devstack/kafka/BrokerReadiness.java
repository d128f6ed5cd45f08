package org.citygrid.devstack.kafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.citygrid.devstack.DevstackException;

/**
 * Waits for a starting broker until an AdminClient's describeCluster lists it, the process exits, or a
 * deadline passes. A listening port is not enough: the broker accepts connections before it has
 * registered with its controller, and answers nothing useful until then.
 */
final class BrokerReadiness {
    enum Outcome { READY, EXITED, TIMED_OUT }

    private BrokerReadiness() {
    }

    static Outcome await(Process broker, int port, Map<String, Object> clientProperties, long deadlineNanos) {
        // First the port, cheaply: an AdminClient against a closed port fills logs with connection warnings.
        while (!acceptsConnections(port)) {
            Outcome stop = checkProcessAndTime(broker, deadlineNanos);
            if (stop != null) {
                return stop;
            }
            pause();
        }
        Map<String, Object> adminProperties = new HashMap<>(clientProperties);
        adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(adminProperties)) {
            while (true) {
                Outcome stop = checkProcessAndTime(broker, deadlineNanos);
                if (stop != null) {
                    return stop;
                }
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return Outcome.READY;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not ready yet: the loop checks the process and the deadline again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DevstackException("interrupted while waiting for the Kafka broker", e);
                }
                pause();
            }
        }
    }

    private static Outcome checkProcessAndTime(Process broker, long deadlineNanos) {
        if (!broker.isAlive()) {
            return Outcome.EXITED;
        }
        return System.nanoTime() > deadlineNanos ? Outcome.TIMED_OUT : null;
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A short wait between polls; the poll itself is what decides when to go on. */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted while waiting for the Kafka broker", e);
        }
    }
}
