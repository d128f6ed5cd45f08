package org.citygrid.api.accounts;

import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.List;
import org.citygrid.model.cases.Actor;
import org.citygrid.model.cases.Role;

/**
 * The signed-in person as a request sees them, read from the verified token.
 *
 * @param id         account id (the token subject)
 * @param role       the one role of the account
 * @param department for handlers
 * @param community  for residents
 * @param grids      for grid workers
 */
public record CurrentUser(String id, Role role, String department, String community, List<String> grids) {

    public static CurrentUser of(Authentication auth) {
        Role role = Authorities.roleOf(auth.getRoles());
        Object grids = auth.getAttributes().get(TokenClaims.GRIDS);
        List<String> gridCodes = grids instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of();
        return new CurrentUser(auth.getName(), role, (String) auth.getAttributes().get(TokenClaims.DEPARTMENT),
                (String) auth.getAttributes().get(TokenClaims.COMMUNITY), gridCodes);
    }

    public Actor actor() {
        return new Actor(id, role, role == Role.HANDLER ? department : null);
    }
}
