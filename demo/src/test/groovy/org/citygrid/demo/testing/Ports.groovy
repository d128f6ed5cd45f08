package org.citygrid.demo.testing

import org.citygrid.devstack.DevstackException
import org.citygrid.devstack.FreePorts

/** Ports for the demo's specs: free ones to give it, and whether its own are free again after a stop. */
class Ports {
    private Ports() {
    }

    /** Nothing listens on TCP {@code port} (127.0.0.1 and all interfaces). */
    static boolean tcpFree(int port) {
        try {
            FreePorts.requireFree(port, 'a demo service')
            true
        } catch (DevstackException ignored) {
            false
        }
    }

    /** Nothing holds UDP {@code port} on any interface (the edge nodes bind there). */
    static boolean udpFree(int port) {
        try {
            new DatagramSocket(port).close()
            true
        } catch (SocketException ignored) {
            false
        }
    }

    /** A UDP port whose next port is free too (an edge node needs two). */
    static int freeUdpPair() {
        freeUdpBlock(2)
    }

    /** The first of {@code size} consecutive free UDP ports: two per edge node (CoAP, CoAP over DTLS). */
    static int freeUdpBlock(int size) {
        for (int i = 0; i < 50; i++) {
            def a = new DatagramSocket(0)
            int port = a.localPort
            a.close()
            try {
                (1..<size).each { new DatagramSocket(port + it).close() }
                return port
            } catch (SocketException ignored) {
                // next try
            }
        }
        throw new IllegalStateException("no $size consecutive free UDP ports")
    }
}
