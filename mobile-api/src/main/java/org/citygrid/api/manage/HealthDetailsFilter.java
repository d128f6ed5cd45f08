package org.citygrid.api.manage;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import org.citygrid.model.cases.Role;

/**
 * {@code /manage/health} answers everyone (a load balancer asks it) but shows what it checked, and
 * why something is down, to administrators only. Micronaut shows details to any signed-in caller
 * ({@code details-visible: AUTHENTICATED}, none to anonymous ones); this cuts them from everyone
 * else's answer, leaving the status (and the HTTP status Micronaut derived from it).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class HealthDetailsFilter {

    @ResponseFilter
    @SuppressWarnings("unchecked")
    void onlyStatus(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean health = RouteAttributes.getRouteMatch(request)
                .filter(r -> r instanceof MethodBasedRouteMatch<?, ?> m && HealthEndpoint.class.isAssignableFrom(m.getDeclaringType()))
                .isPresent();
        if (!health) {
            return;
        }
        boolean admin = request.getUserPrincipal(Authentication.class)
                .map(a -> a.getRoles().contains(Role.ADMIN.name())).orElse(false);
        if (!admin && response.body() instanceof HealthResult result) {
            ((MutableHttpResponse<Object>) response).body(HealthResult.builder(result.getName(), result.getStatus()).build());
        }
    }
}
