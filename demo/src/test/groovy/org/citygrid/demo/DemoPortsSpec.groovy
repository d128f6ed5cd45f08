package org.citygrid.demo

import org.citygrid.demo.testing.Ports
import org.citygrid.devstack.FreePorts
import spock.lang.Specification

class DemoPortsSpec extends Specification {

    def "a TCP port in use is reported with the flag that moves it"() {
        given:
        def taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())
        def ports = new DemoPorts(taken.localPort, Ports.freeUdpPair(), FreePorts.pick(), FreePorts.pick())

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
        new DemoPorts(FreePorts.pick(), Ports.freeUdpPair(), FreePorts.pick(), FreePorts.pick()).requireFree(1)

        then:
        noExceptionThrown()
    }
}
