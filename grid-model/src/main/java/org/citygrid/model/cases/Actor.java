package org.citygrid.model.cases;

import java.util.Objects;

/**
 * The person or service behind a command, as recorded in the audit trail.
 *
 * @param id         stable user id (or a service name such as {@code system:sla})
 * @param role       the role the actor acts in
 * @param department the department code a {@link Role#HANDLER} works for; {@code null} otherwise
 */
public record Actor(String id, Role role, String department) {

    public Actor {
        Objects.requireNonNull(role, "role");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an actor needs an id");
        }
        if (role == Role.HANDLER && (department == null || department.isBlank())) {
            throw new IllegalArgumentException("a handler acts for a department: " + id);
        }
    }

    public static Actor of(String id, Role role) {
        return new Actor(id, role, null);
    }

    public static Actor handler(String id, String department) {
        return new Actor(id, Role.HANDLER, department);
    }

    public static Actor system(String service) {
        return new Actor("system:" + service, Role.SYSTEM, null);
    }
}
