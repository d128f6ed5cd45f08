package org.citygrid.edge.coap

import static org.citygrid.edge.testkit.Coap.*
import static org.eclipse.californium.core.coap.CoAP.ResponseCode.*

import org.citygrid.edge.metrics.RejectReason
import org.citygrid.edge.testkit.EdgeFixture
import org.eclipse.californium.core.network.Endpoint
import org.eclipse.californium.scandium.dtls.DtlsHandshakeTimeoutException
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** DTLS 1.2 with a pre-shared key per device, from the registry file: the production path. */
class DtlsSpec extends Specification {

    @Shared
    @AutoCleanup
    EdgeFixture edge = EdgeFixture.start([plain: false])

    def "a device with its registered key completes the handshake and its readings are accepted"() {
        given:
        def device = edge.dtls('mc-0042')

        when:
        def response = post(device, edge.dtlsUri('s/mc-0042'), json([[n: 'tilt', u: 'deg', v: 2]]), SENML_JSON)

        then:
        response.code == CHANGED
    }

    def "a handshake with #who is refused: no request gets through"() {
        given:
        def device = edge.keep(dtlsEndpoint(identity, key, true))
        def accepted = edge.node.metrics().readingsAccepted()

        when:
        post(device, edge.dtlsUri('s/mc-0042'), json([[n: 'tilt', u: 'deg', v: 40]]), SENML_JSON)

        then: 'the exchange fails before CoAP: the handshake never completes'
        def failure = thrown(IOException)
        failure.cause instanceof DtlsHandshakeTimeoutException
        edge.node.metrics().readingsAccepted() == accepted
        edge.node.outbox().nextOffset() == 0

        where:
        who                                        | identity  | key
        'the wrong key for a registered identity'  | 'mc-0042' | 'not-the-key'
        'an identity not in the registry'          | 'mc-7777' | 'secret-key-of-mc-7777'
        'a revoked device, even with its old key'  | 'mc-0099' | 'secret-key-of-mc-0099'
        "another neighbourhood's device"           | 'mc-next' | 'secret-key-of-mc-next'
    }

    def "an authenticated device cannot post readings in another device's name"() {
        given:
        def device = edge.dtls('mc-0042')

        when:
        def response = post(device, edge.dtlsUri('s/wl-0007'), json([[n: 'level', u: 'm', v: 0.9]]), SENML_JSON)

        then:
        response.code == FORBIDDEN
        response.responseText == 'forbidden: authenticated as mc-0042, not as wl-0007'
        edge.node.metrics().rejectedCount(RejectReason.FORBIDDEN) == 1
        edge.node.outbox().nextOffset() == 0
    }

    def "without the development switch there is no plain CoAP port"() {
        expect:
        edge.node.plainPort() == -1
        edge.node.dtlsPort() > 0
    }
}
