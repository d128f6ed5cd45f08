package org.citygrid.api.ratelimit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.citygrid.api.errors.Throttled;
import org.citygrid.api.problem.DomainErrors;

/**
 * Counts every resident sign-up request against its address's {@link SignUpQuota}, whatever form its path takes
 * (a trailing slash, doubled slashes): a filter rather than a call in the accounts controller, because the
 * accounts package may not depend on this one (it would close a package cycle through the problem mapping and
 * the read model, which ArchitectureSpec refuses).
 */
@ServerFilter("/api/v1/accounts/**")
final class SignUpQuotaFilter {

    private static final String SIGN_UP = "/api/v1/accounts/residents";

    private final SignUpQuota quota;

    SignUpQuotaFilter(SignUpQuota quota) {
        this.quota = quota;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> limit(HttpRequest<?> request) {
        String path = request.getPath().replaceAll("/{2,}", "/").replaceAll("/+$", "");
        if (!"POST".equals(request.getMethodName()) || !SIGN_UP.equals(path)) {
            return null;
        }
        try {
            quota.count(request.getRemoteAddress().getAddress().getHostAddress());
            return null;
        } catch (Throttled e) {
            return DomainErrors.response(request.getPath(), e);
        }
    }
}
