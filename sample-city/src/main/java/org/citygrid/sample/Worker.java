package org.citygrid.sample;

import java.util.List;
import java.util.Objects;
import org.citygrid.model.cases.Role;
import org.citygrid.model.grid.GridCode;

/**
 * A person with a post in the case cycle.
 *
 * @param id           stable id, e.g. {@code GW-110101001001-01}, {@code H-SANITATION-03}, {@code OP-02}
 * @param name         the person's (made-up) Chinese name
 * @param role         the person's post, one of the domain's {@link Role}s: {@code GRID_WORKER},
 *                     {@code HANDLER}, {@code ACCEPTOR}, {@code DISPATCHER}, {@code SHIFT_LEADER}, {@code LEADER}
 * @param departmentId the department the person works for
 * @param gridCodes    the grids a grid worker patrols (their patrol area); empty for other roles
 */
public record Worker(String id, String name, Role role, String departmentId, List<GridCode> gridCodes) {

    public Worker {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(departmentId, "departmentId");
        gridCodes = gridCodes == null ? List.of() : List.copyOf(gridCodes);
    }
}
