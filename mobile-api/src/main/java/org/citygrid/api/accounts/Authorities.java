package org.citygrid.api.accounts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.citygrid.model.cases.Role;

/**
 * What a token's roles claim holds, so that {@code @Secured} can name posts: the account's role first,
 * then every post that role holds (grid-model's {@link Role#holds}: the legacy operator holds the
 * acceptor's, shift leader's, dispatcher's and leader's), then {@link #CENTRE} for any post of the two
 * centres. Which step on a case each post may ask for is grid-model's {@code CommandRoles}, checked on
 * the command; these names only open the centres' views.
 */
public final class Authorities {

    /** Any post of the supervision or the command centre, the leader and the legacy operator included: the centres' views. */
    public static final String CENTRE = "CENTRE";

    private Authorities() {
    }

    /** The roles claim of an account of {@code role}. */
    public static List<String> of(Role role) {
        List<String> out = new ArrayList<>();
        out.add(role.name());
        for (Role post : Role.values()) {
            if (post != role && role.holds(post)) {
                out.add(post.name());
            }
        }
        if (role.isCentrePost()) {
            out.add(CENTRE);
        }
        return out;
    }

    /** The account's own role among a token's roles: the one that holds every other role named there. */
    public static Role roleOf(Collection<String> roles) {
        List<Role> named = roles.stream().filter(Authorities::isRole).map(Role::valueOf).toList();
        return named.stream().filter(r -> named.stream().allMatch(r::holds)).findFirst()
                .orElseThrow(() -> new IllegalStateException("a token without its account's role: " + roles));
    }

    /** Whether these roles name an account's role at all (a map key's do not). */
    static boolean namesRole(Collection<String> roles) {
        return roles.stream().anyMatch(Authorities::isRole);
    }

    private static boolean isRole(String name) {
        for (Role r : Role.values()) {
            if (r.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
