package org.citygrid.api.ratelimit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import jakarta.inject.Named;
import org.citygrid.api.errors.Throttled;
import org.citygrid.api.problem.DomainErrors;

/**
 * Public reads (every GET under {@code /open311/}, which anybody may send without an api_key) are counted
 * per client address, before any query runs: a scraper is slowed, and 429 comes in Open311's error format
 * with Retry-After. The address is the connection's, not a forwarding header a client could write itself.
 */
@ServerFilter("/open311/**")
final class PublicReadRateFilter {

    private final RateLimiter limiter;

    PublicReadRateFilter(@Named(RateLimits.PUBLIC_READS) RateLimiter limiter) {
        this.limiter = limiter;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> limit(HttpRequest<?> request) {
        if (!"GET".equals(request.getMethodName())) {
            return null;
        }
        try {
            limiter.check(request.getRemoteAddress().getAddress().getHostAddress());
            return null;
        } catch (Throttled e) {
            return DomainErrors.response(request.getPath(), e);
        }
    }
}
