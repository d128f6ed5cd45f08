package org.citygrid.api.manage;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.citygrid.model.cases.Role;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The management endpoints under {@code /manage} that are sensitive (all but health, by
 * application.yml's {@code endpoints.all.sensitive: true}) are for administrators only: anonymous
 * callers get 401, other signed-in people 403. Micronaut's own rule lets any signed-in person in.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
final class AdminOnlyEndpoints extends SensitiveEndpointRule {

    AdminOnlyEndpoints(EndpointSensitivityProcessor endpointSensitivityProcessor) {
        super(endpointSensitivityProcessor);
    }

    @Override
    @NonNull
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(@NonNull HttpRequest<?> request,
                                                                        @NonNull Authentication authentication,
                                                                        @NonNull ExecutableMethod<?, ?> method) {
        return Mono.just(authentication.getRoles().contains(Role.ADMIN.name())
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }
}
