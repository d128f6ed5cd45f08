package org.citygrid.demo.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * Californium endpoints for simulated devices: one UDP socket and, over DTLS, one PSK session per device, as a
 * real device has. Every endpoint shares the same two thread pools, so a hundred devices cost a hundred
 * sockets, not a thousand threads.
 */
public final class CoapDevices {
    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final ScheduledExecutorService main;
    private final ScheduledExecutorService secondary;

    public CoapDevices(ScheduledExecutorService main, ScheduledExecutorService secondary) {
        this.main = main;
        this.secondary = secondary;
    }

    /**
     * An endpoint for the device: DTLS with its PSK identity and key for a {@code coaps} edge node, plain UDP for
     * a {@code coap} one (the edge node's development mode).
     */
    public Endpoint endpoint(boolean dtls, String pskIdentity, String key) throws IOException {
        // A fresh configuration, not Californium's standard one, which would write a properties file into the
        // working directory.
        Configuration cf = new Configuration();
        cf.set(CoapConfig.MAX_RETRANSMIT, 3);
        Endpoint endpoint;
        if (dtls) {
            cf.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
            cf.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
            cf.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
            DtlsConnectorConfig config = DtlsConnectorConfig.builder(cf)
                    .setAddress(new InetSocketAddress(0))
                    // the registry's key is the text firmware and libcoap's -k take: its UTF-8 bytes are the PSK
                    .setAdvancedPskStore(new AdvancedSinglePskStore(pskIdentity, key.getBytes(StandardCharsets.UTF_8)))
                    .build();
            endpoint = new CoapEndpoint.Builder().setConfiguration(cf).setConnector(new DTLSConnector(config)).build();
        } else {
            endpoint = new CoapEndpoint.Builder().setConfiguration(cf).setInetSocketAddress(new InetSocketAddress(0))
                    .build();
        }
        endpoint.setExecutors(main, secondary);
        endpoint.start();
        return endpoint;
    }

    static CoapClient client(String uri, Endpoint endpoint) {
        return client(uri, endpoint, DEFAULT_TIMEOUT_MILLIS);
    }

    /** How long a device waits for an answer, retransmissions included, before it gives up on a request. */
    static final long DEFAULT_TIMEOUT_MILLIS = 15_000L;

    static CoapClient client(String uri, Endpoint endpoint, long timeoutMillis) {
        CoapClient client = new CoapClient(uri);
        client.setEndpoint(endpoint);
        client.setTimeout(timeoutMillis);
        return client;
    }
}
