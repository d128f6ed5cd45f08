package org.citygrid.edge.coap;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import org.citygrid.edge.ingest.Rejected;
import org.citygrid.edge.limits.RateLimiter;
import org.citygrid.edge.limits.TooManyRequests;
import org.citygrid.edge.metrics.EdgeMetrics;
import org.citygrid.edge.metrics.RejectReason;
import org.citygrid.edge.outbox.OutboxFullException;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * A resource devices post their data to ({@code /s}, {@code /r}): it refuses a content format it
 * does not read and a body over its limit, learns who is asking, holds them to their rate limit, and
 * does its work (which waits for an fsync) on virtual threads rather than on Californium's few
 * protocol threads. The refusals every input shares are answered here, in one place, so that
 * {@code /s} and {@code /r} cannot drift apart in what a device is told.
 */
abstract class DeviceInputResource extends CoapResource {

    /** What every device input resource of one server shares. */
    record Shared(Requester requester, RateLimiter limiter, EdgeMetrics metrics, Executor executor, Clock clock) {
    }

    /**
     * The body a resource reads.
     *
     * @param what     what the body is, for a person ("a SenML pack")
     * @param formats  the CoAP content formats it is read in
     * @param expected what to send instead of another format, for the device's developer
     */
    record Body(String what, List<Integer> formats, String expected) {
    }

    protected final Requester requester;
    protected final RateLimiter limiter;
    protected final EdgeMetrics metrics;
    protected final Clock clock;
    protected final int maxBytes;
    private final Body body;
    private final Executor executor;

    DeviceInputResource(String name, Shared shared, int maxBytes, Body body) {
        super(name);
        this.requester = shared.requester();
        this.limiter = shared.limiter();
        this.metrics = shared.metrics();
        this.clock = shared.clock();
        this.executor = shared.executor();
        this.maxBytes = maxBytes;
        this.body = body;
        getAttributes().addInterfaceDescription("core.p");
        body.formats().forEach(getAttributes()::addContentType);
    }

    @Override
    public final void handlePOST(CoapExchange exchange) {
        int format = exchange.getRequestOptions().getContentFormat();
        if (!body.formats().contains(format)) {
            Responses.reject(exchange, metrics, RejectReason.UNSUPPORTED_CONTENT_FORMAT,
                    body.expected() + ", not " + format);
            return;
        }
        if (exchange.getRequestPayloadSize() > maxBytes) {
            Responses.tooLarge(exchange, metrics, maxBytes, body.what());
            return;
        }
        try {
            accept(exchange, format);
        } catch (Rejected e) {
            Responses.reject(exchange, metrics, e);
        } catch (TooManyRequests e) {
            Responses.tooManyRequests(exchange, metrics, e);
        } catch (OutboxFullException e) {
            Responses.outboxFull(exchange, metrics, e);
        }
    }

    /**
     * Reads a body already known to be in one of the resource's formats and within its limit, and
     * answers the device.
     */
    protected abstract void accept(CoapExchange exchange, int format)
            throws Rejected, TooManyRequests, OutboxFullException;

    @Override
    public Executor getExecutor() {
        return executor;
    }
}
