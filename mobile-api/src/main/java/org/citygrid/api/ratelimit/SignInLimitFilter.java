package org.citygrid.api.ratelimit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Named;
import java.time.Duration;
import org.citygrid.api.errors.Throttled;
import org.citygrid.api.accounts.CountedAsSignIn;

/**
 * Sign-in, refresh and resident sign-up are counted per client address before any password is
 * hashed or token looked up. The filter sees every request and picks these by the route the router
 * chose ({@link CountedAsSignIn}), not by the path's spelling: a trailing slash, a doubled slash or
 * any other form the router accepts for these endpoints is counted the same (it used to match the
 * path text, and {@code /api/v1/auth/sign-in/} went uncounted). Requests that match no route (404,
 * 405) never reach a password check and are not counted.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SignInLimitFilter {

    private final RateLimiter limiter;

    SignInLimitFilter(@Named(RateLimits.SIGN_IN) RateLimiter limiter) {
        this.limiter = limiter;
    }

    @RequestFilter
    void limit(HttpRequest<?> request, @Nullable RouteMatch<?> route) {
        if (route == null || !route.getAnnotationMetadata().hasAnnotation(CountedAsSignIn.class)) {
            return;
        }
        String client = request.getRemoteAddress().getAddress().getHostAddress();
        Duration wait = limiter.acquire(client);
        if (wait.isZero()) {
            return;
        }
        long seconds = Math.max(1, wait.toSeconds());
        // answered by problem/DomainErrorHandler, as if a controller had thrown it
        throw new Throttled("rate-limited", "Too many requests",
                "此地址的登录尝试过多，请 " + seconds + " 秒后再试 / too many sign-in attempts from this address; try again in "
                        + seconds + " s", wait);
    }
}
