package org.citygrid.api.ratelimit;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.citygrid.api.errors.Throttled;

/** The two limits the API enforces, configured under {@code citygrid.rate-limits}. */
@Factory
public class RateLimits {

    public static final String SIGN_IN = "sign-in";
    public static final String REPORTS = "reports";

    @Singleton
    @Named(SIGN_IN)
    RateLimiter signIn(@Value("${citygrid.rate-limits.sign-in.limit:10}") int limit,
                       @Value("${citygrid.rate-limits.sign-in.window:PT1M}") Duration window, Clock clock) {
        return new RateLimiter(limit, window, clock);
    }

    @Singleton
    @Named(REPORTS)
    RateLimiter reports(@Value("${citygrid.rate-limits.reports.limit:20}") int limit,
                        @Value("${citygrid.rate-limits.reports.window:PT1H}") Duration window, Clock clock) {
        return new RateLimiter(limit, window, clock);
    }

    /** Throws {@link Throttled} (429) when {@code limiter} refuses {@code key}; {@code what} names the counted calls. */
    public static void check(RateLimiter limiter, String key, String what) {
        Duration wait = limiter.acquire(key);
        if (!wait.isZero()) {
            throw new Throttled(what, wait);
        }
    }
}
