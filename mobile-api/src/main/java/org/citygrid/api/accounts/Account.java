package org.citygrid.api.accounts;

import java.util.List;
import org.citygrid.model.cases.Actor;
import org.citygrid.model.cases.Role;

/**
 * A person who signs in. The scope fields say what part of the city they see: a resident their
 * community, a grid worker their grids, a handler their department.
 */
public record Account(
        String id,
        String username,
        String passwordHash,
        Role role,
        String displayName,
        String department,
        String communityCode,
        List<String> gridCodes,
        boolean disabled) {

    public Account {
        gridCodes = gridCodes == null ? List.of() : List.copyOf(gridCodes);
    }

    /** This person as the actor of a case command (grid-model's audit identity). */
    public Actor actor() {
        return new Actor(id, role, role == Role.HANDLER ? department : null);
    }
}
