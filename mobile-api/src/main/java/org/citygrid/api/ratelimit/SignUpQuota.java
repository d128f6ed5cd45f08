package org.citygrid.api.ratelimit;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.citygrid.api.errors.Throttled;

/**
 * Resident sign-ups per client address ({@code citygrid.rate-limits.sign-ups}: 10 an hour by default): a
 * family or a community office signing people up from one address gets through, a script making accounts
 * by the thousand does not. Counted by {@link SignUpQuotaFilter} for every sign-up request, before the
 * account service runs.
 */
@Singleton
public class SignUpQuota {

    private final RateLimiter limiter;

    SignUpQuota(@Value("${citygrid.rate-limits.sign-ups.limit:10}") int limit,
                @Value("${citygrid.rate-limits.sign-ups.window:PT1H}") Duration window, Clock clock) {
        this.limiter = new RateLimiter(limit, window, clock, "注册", "sign-ups from this address");
    }

    /** Counts a sign-up from {@code address}, or refuses it with {@link Throttled} (429). */
    public void count(String address) {
        limiter.check(address);
    }
}
