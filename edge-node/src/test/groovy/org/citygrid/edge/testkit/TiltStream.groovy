package org.citygrid.edge.testkit

import static org.citygrid.edge.testkit.Coap.*
import static org.eclipse.californium.core.coap.CoAP.ResponseCode.CHANGED

import org.eclipse.californium.core.network.Endpoint

/** Readings of device mc-0042 alternating high and low tilts: every post completes one alarm edge. */
class TiltStream {

    private TiltStream() {
    }

    /** Posts readings {@code from} until {@code from + count} and returns the intake ids of the edges they make. */
    static List<String> post(Endpoint device, EdgeFixture edge, int from, int count) {
        (from..<from + count).collect { i ->
            def tilt = i % 2 == 0 ? 40 : 1
            def response = Coap.post(device, edge.plainUri('s/mc-0042'), json([[n: 'tilt', u: 'deg', v: tilt]]), SENML_JSON)
            assert response.code == CHANGED
            "edge-dc01:mc-0042:ep-${i.intdiv(2) + 1}:${i % 2 == 0 ? 'RAISED' : 'CLEARED'}".toString()
        }
    }
}
