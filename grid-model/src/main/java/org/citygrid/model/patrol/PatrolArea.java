package org.citygrid.model.patrol;

import java.util.List;
import java.util.Objects;
import org.citygrid.model.grid.AreaName;
import org.citygrid.model.grid.GridCode;

/**
 * A patrol area (监督网格): a named group of unit grids and the supervisors (监督员) who patrol it,
 * the first of them the one tasks go to first.
 *
 * @param id          stable id, e.g. {@code PA-110101001001-01}
 * @param name        its name in Chinese and English
 * @param grids       the unit grids it covers, at least one, in code order
 * @param supervisors the supervisors' user ids, in the order tasks go to them
 */
public record PatrolArea(String id, AreaName name, List<GridCode> grids, List<String> supervisors) {

    public PatrolArea {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        grids = grids.stream().sorted().distinct().toList();
        supervisors = List.copyOf(supervisors);
        if (grids.isEmpty()) {
            throw new IllegalArgumentException("patrol area " + id + " covers no grid");
        }
        if (supervisors.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new IllegalArgumentException("patrol area " + id + " names a blank supervisor");
        }
    }

    public boolean covers(GridCode grid) {
        return grids.contains(grid);
    }
}
