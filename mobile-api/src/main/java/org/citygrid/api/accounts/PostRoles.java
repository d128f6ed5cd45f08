package org.citygrid.api.accounts;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.DefaultRolesFinder;
import io.micronaut.security.token.RolesFinder;
import io.micronaut.security.token.config.TokenConfiguration;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The roles of a verified token as {@code @Secured} sees them: the claim's, completed with the posts
 * the account's role holds and {@link Authorities#CENTRE} ({@link Authorities#of}). A token issued
 * before the posts existed names only its role ({@code ["OPERATOR"]}); it opens the same doors as a
 * fresh one for the rest of its life instead of being refused until it is refreshed.
 */
@Singleton
@Replaces(DefaultRolesFinder.class)
final class PostRoles implements RolesFinder {

    private final DefaultRolesFinder claim;

    PostRoles(TokenConfiguration configuration) {
        this.claim = new DefaultRolesFinder(configuration);
    }

    @Override
    public List<String> resolveRoles(Map<String, Object> attributes) {
        List<String> named = claim.resolveRoles(attributes);
        if (!Authorities.namesRole(named)) {
            // a map key's or another service's token: its roles as they are
            return named;
        }
        List<String> roles = new ArrayList<>(Authorities.of(Authorities.roleOf(named)));
        named.stream().filter(r -> !roles.contains(r)).forEach(roles::add);
        return roles;
    }
}
