package org.citygrid.demo

import org.citygrid.devstack.FreePorts
import spock.lang.Specification

class DemoPortsSpec extends Specification {

    def "a TCP port in use is reported with the flag that moves it"() {
        given:
        def taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())
        def ports = new DemoPorts(taken.localPort, freeUdpPair(), FreePorts.pick(), FreePorts.pick())

        when:
        ports.requireFree(1)

        then:
        def e = thrown(DemoException)
        e.message.contains("TCP ${taken.localPort} for mobile-api (HTTP): in use (--api-port moves it)")
        e.message.contains('--port-base')

        cleanup:
        taken.close()
    }

    def "a CoAP port in use is reported as UDP, naming the edge node"() {
        given:
        def taken = new DatagramSocket(0)
        def ports = new DemoPorts(FreePorts.pick(), taken.localPort, FreePorts.pick(), FreePorts.pick())

        when:
        ports.requireFree(1)

        then:
        def e = thrown(DemoException)
        e.message.contains("UDP ${taken.localPort} for edge node 1 (CoAP): in use")

        cleanup:
        taken.close()
    }

    def "free ports pass"() {
        when:
        new DemoPorts(FreePorts.pick(), freeUdpPair(), FreePorts.pick(), FreePorts.pick()).requireFree(1)

        then:
        noExceptionThrown()
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
