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
 * Sign-in and resident sign-up are counted per client address before the password check runs, so a
 * guesser is slowed without the server hashing every guess.
 */
@ServerFilter({"/api/v1/auth/sign-in", "/api/v1/accounts/residents"})
final class SignInRateFilter {

    private final RateLimiter limiter;

    SignInRateFilter(@Named(RateLimits.SIGN_IN) RateLimiter limiter) {
        this.limiter = limiter;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> limit(HttpRequest<?> request) {
        if (!"POST".equals(request.getMethodName())) {
            return null;
        }
        String client = request.getRemoteAddress().getAddress().getHostAddress();
        try {
            RateLimits.check(limiter, client, "sign-in attempts");
            return null;
        } catch (Throttled e) {
            return DomainErrors.response(request.getPath(), e);
        }
    }
}
