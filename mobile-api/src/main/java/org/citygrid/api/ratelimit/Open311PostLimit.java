package org.citygrid.api.ratelimit;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.citygrid.api.open311.PostLimit;

/** {@link PostLimit} with the {@code open311-posts} rate of {@link RateLimits}. */
@Singleton
final class Open311PostLimit implements PostLimit {

    private final RateLimiter limiter;

    Open311PostLimit(@Named(RateLimits.OPEN311_POSTS) RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void count(String keyId) {
        limiter.check(keyId);
    }
}
