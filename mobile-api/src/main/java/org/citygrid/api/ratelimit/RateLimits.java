package org.citygrid.api.ratelimit;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.citygrid.api.problem.ProblemException;

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

    /** Throws a 429 problem when {@code limiter} refuses {@code key}. */
    public static void check(RateLimiter limiter, String key, String what) {
        Duration wait = limiter.acquire(key);
        if (!wait.isZero()) {
            throw new TooManyRequests(what, wait);
        }
    }

    /** 429 with the seconds to wait, which the handler also puts in Retry-After. */
    public static final class TooManyRequests extends ProblemException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        TooManyRequests(String what, Duration wait) {
            super(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                    "too many " + what + "; try again in " + Math.max(1, wait.toSeconds()) + " s");
            this.retryAfterSeconds = Math.max(1, wait.toSeconds());
        }

        @Override
        public java.util.Map<String, String> headers() {
            return java.util.Map.of("Retry-After", Long.toString(retryAfterSeconds));
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
