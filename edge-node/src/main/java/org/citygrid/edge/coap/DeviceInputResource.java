package org.citygrid.edge.coap;

import java.time.Clock;
import java.util.concurrent.Executor;
import org.citygrid.edge.limits.RateLimiter;
import org.citygrid.edge.metrics.EdgeMetrics;
import org.eclipse.californium.core.CoapResource;

/**
 * A resource devices post their data to ({@code /s}, {@code /r}): it learns who is asking, holds
 * them to their rate limit and a body limit, and does its work (which waits for an fsync) on virtual
 * threads rather than on Californium's few protocol threads.
 */
abstract class DeviceInputResource extends CoapResource {

    /** What every device input resource of one server shares. */
    record Shared(Requester requester, RateLimiter limiter, EdgeMetrics metrics, Executor executor, Clock clock) {
    }

    protected final Requester requester;
    protected final RateLimiter limiter;
    protected final EdgeMetrics metrics;
    protected final Clock clock;
    protected final int maxBytes;
    private final Executor executor;

    DeviceInputResource(String name, Shared shared, int maxBytes) {
        super(name);
        this.requester = shared.requester();
        this.limiter = shared.limiter();
        this.metrics = shared.metrics();
        this.clock = shared.clock();
        this.executor = shared.executor();
        this.maxBytes = maxBytes;
        getAttributes().addInterfaceDescription("core.p");
    }

    @Override
    public Executor getExecutor() {
        return executor;
    }
}
