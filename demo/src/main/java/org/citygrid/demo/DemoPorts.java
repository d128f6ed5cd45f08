package org.citygrid.demo;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.citygrid.devstack.DevstackException;
import org.citygrid.devstack.FreePorts;

/**
 * Every port the demo listens on, decided before anything starts, so that a port in use is reported at once
 * with the flag that moves it, not after a minute of starting services.
 *
 * @param api      mobile-api's HTTP port (TCP)
 * @param coap     the first edge node's plain CoAP port (UDP); its DTLS port is {@code coap + 1}, and each
 *                 further edge node takes the next two ports
 * @param kafka    the Kafka broker's client port (TCP)
 * @param postgres PostgreSQL's port (TCP)
 */
public record DemoPorts(int api, int coap, int kafka, int postgres) {
    public static final int DEFAULT_API = 8080;
    public static final int DEFAULT_COAP = 5683;
    public static final int DEFAULT_KAFKA = 19092;
    public static final int DEFAULT_POSTGRES = 15432;

    /** The defaults: API 8080, CoAP 5683/5684 (first edge node), Kafka 19092, PostgreSQL 15432. */
    public static DemoPorts defaults() {
        return new DemoPorts(DEFAULT_API, DEFAULT_COAP, DEFAULT_KAFKA, DEFAULT_POSTGRES);
    }

    /**
     * Consecutive ports from {@code base}: API, then two CoAP ports per edge node, then Kafka and PostgreSQL.
     * One flag moves a whole demo, e.g. to run two side by side.
     */
    public static DemoPorts fromBase(int base, int edgeNodes) {
        int kafka = base + 1 + 2 * edgeNodes;
        return new DemoPorts(base, base + 1, kafka, kafka + 1);
    }

    public int edgePlain(int edgeIndex) {
        return coap + 2 * edgeIndex;
    }

    public int edgeDtls(int edgeIndex) {
        return coap + 2 * edgeIndex + 1;
    }

    /**
     * Fails, naming every port in use and the flag that moves it, unless all of them can be bound now.
     */
    public void requireFree(int edgeNodes) {
        List<String> problems = new ArrayList<>();
        tcp(api, "mobile-api (HTTP)", "--api-port", problems);
        tcp(kafka, "the Kafka broker", "--kafka-port", problems);
        tcp(postgres, "PostgreSQL", "--postgres-port", problems);
        for (int i = 0; i < edgeNodes; i++) {
            udp(edgePlain(i), "edge node " + (i + 1) + " (CoAP)", problems);
            udp(edgeDtls(i), "edge node " + (i + 1) + " (CoAP over DTLS)", problems);
        }
        if (!problems.isEmpty()) {
            throw new DemoException("cannot start the demo, ports are in use:\n  " + String.join("\n  ", problems)
                    + "\nStop what listens there (ss -lntup | grep PORT shows it), or move the demo with"
                    + " --port-base N (all ports from N on) or the per-service flag named above.");
        }
    }

    private static void tcp(int port, String what, String flag, List<String> problems) {
        try {
            FreePorts.requireFree(port, what);
        } catch (DevstackException e) {
            problems.add("TCP " + port + " for " + what + ": in use (" + flag + " moves it)");
        }
    }

    private static void udp(int port, String what, List<String> problems) {
        // the edge nodes bind the wildcard address, so that devices on the network can reach them
        try (DatagramSocket socket = new DatagramSocket(null)) {
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            problems.add("UDP " + port + " for " + what + ": in use (--coap-port moves the edge nodes' ports)");
        }
    }

    /** A UDP port whose next port is free too: an edge node takes plain CoAP and DTLS side by side. */
    public static int freeUdpPair() {
        for (int i = 0; i < 50; i++) {
            int port;
            try (DatagramSocket a = new DatagramSocket(0)) {
                port = a.getLocalPort();
            } catch (java.net.SocketException e) {
                continue;
            }
            if (port < 65_000) {
                try (DatagramSocket b = new DatagramSocket(port + 1)) {
                    return port;
                } catch (java.net.SocketException taken) {
                    // next try
                }
            }
        }
        throw new DemoException("no two consecutive free UDP ports for the edge node");
    }
}
