package org.citygrid.edge.testkit

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper
import groovy.json.JsonOutput
import java.nio.charset.StandardCharsets
import java.util.concurrent.TimeUnit
import org.eclipse.californium.core.CoapClient
import org.eclipse.californium.core.CoapResponse
import org.eclipse.californium.core.coap.Request
import org.eclipse.californium.core.config.CoapConfig
import org.eclipse.californium.core.network.CoapEndpoint
import org.eclipse.californium.core.network.Endpoint
import org.eclipse.californium.elements.config.Configuration
import org.eclipse.californium.elements.config.UdpConfig
import org.eclipse.californium.scandium.DTLSConnector
import org.eclipse.californium.scandium.config.DtlsConfig
import org.eclipse.californium.scandium.config.DtlsConnectorConfig
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore

/**
 * Californium clients over the real UDP stack, as a device would use them. Every client gets its
 * own endpoint and configuration: Californium's shared default endpoint would write a properties
 * file into the working folder and outlive the spec.
 */
class Coap {

    static final int SENML_JSON = 110
    static final int SENML_CBOR = 112
    static final int JSON = 50
    static final int CBOR = 60

    static {
        CoapConfig.register()
        UdpConfig.register()
        DtlsConfig.register()
    }

    static final CBORMapper CBOR_MAPPER = new CBORMapper()

    static Configuration config() {
        def cf = new Configuration()
        // a refused DTLS handshake shows as no answer at all: give up quickly rather than retransmit
        cf.set(CoapConfig.MAX_RETRANSMIT, 2)
        cf
    }

    /** A plain CoAP endpoint (development mode). */
    static Endpoint plainEndpoint() {
        def cf = config()
        def ep = new CoapEndpoint.Builder().setConfiguration(cf).setInetSocketAddress(new InetSocketAddress('127.0.0.1', 0)).build()
        ep.start()
        ep
    }

    /**
     * A DTLS endpoint that authenticates with one PSK identity and key.
     *
     * @param expectRefusal a refused handshake is silence from the server (no alert that would tell
     *                      an attacker which part was wrong), so a client only learns by timing out:
     *                      shorten that for clients that are meant to fail
     */
    static Endpoint dtlsEndpoint(String identity, String key, boolean expectRefusal = false) {
        expectRefusal ? dtlsEndpoint(identity, key, 300, 1) : dtlsEndpoint(identity, key, null, null)
    }

    /**
     * A DTLS endpoint whose handshake gives up after {@code retransmissions} retransmissions {@code retransmissionMs}
     * apart (null: Scandium's defaults): for a client that may be refused now and must get through later.
     */
    static Endpoint dtlsEndpoint(String identity, String key, Integer retransmissionMs, Integer retransmissions) {
        def cf = config()
        cf.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY)
        if (retransmissionMs != null) {
            cf.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, retransmissions)
            cf.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, retransmissionMs, TimeUnit.MILLISECONDS)
        }
        def dtls = DtlsConnectorConfig.builder(cf)
                .setAddress(new InetSocketAddress('127.0.0.1', 0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, key.getBytes(StandardCharsets.UTF_8)))
                .build()
        def ep = new CoapEndpoint.Builder().setConfiguration(cf).setConnector(new DTLSConnector(dtls)).build()
        ep.start()
        ep
    }

    static CoapClient client(String uri, Endpoint endpoint) {
        def client = new CoapClient(uri)
        client.setEndpoint(endpoint)
        // generous: on a loaded CI machine a first DTLS handshake or a block-wise photo can take seconds; no spec
        // waits for this timeout to expire
        client.setTimeout(30_000L)
        client
    }

    /** POSTs bytes with a content-format (or none when {@code format} is null). */
    static CoapResponse post(Endpoint endpoint, String uri, byte[] payload, Integer format) {
        def request = Request.newPost()
        request.setURI(uri)
        if (format != null) {
            request.getOptions().setContentFormat(format)
        }
        request.setPayload(payload)
        client(uri, endpoint).advanced(request)
    }

    static byte[] json(Object value) {
        JsonOutput.toJson(value).getBytes(StandardCharsets.UTF_8)
    }

    static byte[] cbor(Object value) {
        CBOR_MAPPER.writeValueAsBytes(value)
    }

    static byte[] text(String s) {
        s.getBytes(StandardCharsets.UTF_8)
    }
}
