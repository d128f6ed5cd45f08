package org.citygrid.edge.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.citygrid.edge.config.EdgeConfig;

/**
 * A token bucket per device: each holds up to {@code burst} tokens, refills at
 * {@code requestsPerSecond}, and each request takes one. One device that floods its edge node (a
 * firmware loop, a stolen key) is slowed down without touching any other device. Buckets are kept
 * per registered device only (requests are counted once the device is known), so their number is
 * bounded by the registry.
 */
public final class RateLimiter {

    private final double perSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(EdgeConfig.RateLimit limit) {
        this(limit, System::nanoTime);
    }

    /** @param nanoTime a monotonic clock in nanoseconds, {@link System#nanoTime} outside specs */
    public RateLimiter(EdgeConfig.RateLimit limit, LongSupplier nanoTime) {
        this.perSecond = limit.requestsPerSecond();
        this.burst = limit.burst();
        this.nanoTime = nanoTime;
    }

    /**
     * Takes a token for one request of {@code deviceId}.
     *
     * @throws TooManyRequests when its bucket is empty; nothing was taken
     */
    public void take(String deviceId) throws TooManyRequests {
        long wait = buckets.computeIfAbsent(deviceId, d -> new Bucket(burst, nanoTime.getAsLong())).take(nanoTime.getAsLong());
        if (wait > 0) {
            throw new TooManyRequests(String.format(java.util.Locale.ROOT,
                    "device %s may make %s requests per second (%d at once); retry in %d s", deviceId,
                    perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond),
                    burst, wait), wait);
        }
    }

    private final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        /** 0 when a token was taken, else the whole seconds until one is back (at least 1). */
        synchronized long take(long now) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }
}
