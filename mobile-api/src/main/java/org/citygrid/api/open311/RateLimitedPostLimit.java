package org.citygrid.api.open311;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.citygrid.api.ratelimit.RateLimiter;
import org.citygrid.api.ratelimit.RateLimits;

/**
 * {@link PostLimit} with the {@code open311-posts} rate of {@link RateLimits}. Here, not in the ratelimit
 * package: that package must not depend on Open311 (the sign-in filter in accounts uses it, and Open311
 * reads accounts' views through the read model: a package cycle).
 */
@Singleton
final class RateLimitedPostLimit implements PostLimit {

    private final RateLimiter limiter;

    RateLimitedPostLimit(@Named(RateLimits.OPEN311_POSTS) RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void count(String keyId) {
        limiter.check(keyId);
    }
}
