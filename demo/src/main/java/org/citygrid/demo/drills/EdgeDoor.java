package org.citygrid.demo.drills;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.citygrid.demo.DemoException;
import org.citygrid.demo.city.DemoDevice;
import org.citygrid.demo.simulator.CoapDevices;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.exception.ConnectorException;

/**
 * The edge node's CoAP entries as a device reaches them: plain CoAP (the demo's development port, where the request
 * names its device and is believed) and DTLS with one field device's PSK. Each request is one exchange, its answer's
 * code and diagnostic payload kept as the node sent them.
 */
final class EdgeDoor implements AutoCloseable {
    private static final long TIMEOUT_MILLIS = 10_000;

    private final String plainUri;
    private final String dtlsUri;
    private final ScheduledExecutorService main = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().name("poison-coap-", 0).daemon().factory());
    private final ScheduledExecutorService secondary = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("poison-coap-timer").daemon().factory());
    private final Endpoint plain;
    private final Endpoint dtls;

    /** @param fieldDevice the field device whose DTLS session the drill uses */
    EdgeDoor(int plainPort, int dtlsPort, DemoDevice fieldDevice) {
        this.plainUri = "coap://127.0.0.1:" + plainPort;
        this.dtlsUri = "coaps://127.0.0.1:" + dtlsPort;
        CoapDevices coap = new CoapDevices(main, secondary);
        try {
            this.plain = coap.endpoint(false, null, null);
            this.dtls = coap.endpoint(true, fieldDevice.pskIdentity(), fieldDevice.key());
        } catch (IOException e) {
            throw new DemoException("cannot open the drill's CoAP endpoints: " + e.getMessage(), e);
        }
    }

    /** One POST over plain CoAP; {@code contentFormat} -1 sends none. */
    HostileAnswer plain(String path, int contentFormat, byte[] body) {
        return post(plainUri, plain, path, contentFormat, body);
    }

    /** One POST over DTLS, as the field device. */
    HostileAnswer dtls(String path, int contentFormat, byte[] body) {
        return post(dtlsUri, dtls, path, contentFormat, body);
    }

    /** The answer itself, for a normal report whose payload (the intake id) the caller reads. */
    CoapResponse postPlain(String path, int contentFormat, byte[] body) throws ConnectorException, IOException {
        return exchange(plainUri, plain, path, contentFormat, body);
    }

    private static HostileAnswer post(String base, Endpoint endpoint, String path, int contentFormat, byte[] body) {
        try {
            CoapResponse response = exchange(base, endpoint, path, contentFormat, body);
            if (response == null) {
                return HostileAnswer.noAnswer("no answer within " + TIMEOUT_MILLIS / 1000 + " s");
            }
            return HostileAnswer.coap(response.getCode().toString(),
                    new String(response.getPayload(), StandardCharsets.UTF_8));
        } catch (ConnectorException | IOException e) {
            return HostileAnswer.noAnswer("the request failed: " + e.getMessage());
        }
    }

    private static CoapResponse exchange(String base, Endpoint endpoint, String path, int contentFormat, byte[] body)
            throws ConnectorException, IOException {
        Request request = Request.newPost();
        request.setURI(base + path);
        if (contentFormat >= 0) {
            request.getOptions().setContentFormat(contentFormat);
        }
        request.setPayload(body);
        CoapClient client = new CoapClient(base + path);
        client.setEndpoint(endpoint);
        client.setTimeout(TIMEOUT_MILLIS);
        return client.advanced(request);
    }

    @Override
    public void close() {
        plain.destroy();
        dtls.destroy();
        main.shutdownNow();
        secondary.shutdownNow();
    }
}
