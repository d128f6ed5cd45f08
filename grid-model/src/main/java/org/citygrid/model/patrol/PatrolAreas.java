package org.citygrid.model.patrol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.citygrid.model.grid.GridCode;

/**
 * A district's patrol areas, each grid in at most one: what the case cycle needs to send a
 * verification or check task to the right supervisor without a person choosing.
 */
public final class PatrolAreas {

    private final List<PatrolArea> areas;
    private final Map<GridCode, PatrolArea> byGrid = new HashMap<>();

    private PatrolAreas(List<PatrolArea> areas) {
        this.areas = List.copyOf(areas);
        for (PatrolArea area : this.areas) {
            for (GridCode grid : area.grids()) {
                PatrolArea other = byGrid.putIfAbsent(grid, area);
                if (other != null) {
                    throw new IllegalArgumentException("grid " + grid + " is in patrol areas " + other.id() + " and " + area.id());
                }
            }
        }
    }

    /**
     * @throws IllegalArgumentException when a grid is in two areas
     */
    public static PatrolAreas of(Collection<PatrolArea> areas) {
        return new PatrolAreas(new ArrayList<>(areas));
    }

    public List<PatrolArea> areas() {
        return areas;
    }

    /** The area a grid belongs to, if any. */
    public Optional<PatrolArea> areaOf(GridCode grid) {
        return Optional.ofNullable(byGrid.get(grid));
    }

    /** The areas a supervisor patrols. */
    public List<PatrolArea> areasOf(String supervisor) {
        return areas.stream().filter(a -> a.supervisors().contains(supervisor)).toList();
    }

    /**
     * Who a task about {@code grid} goes to: the first supervisor of the grid's area who is not
     * excluded (the reporter of the report to verify, the handler of the work to check, a supervisor
     * off duty). Empty when the grid is in no area or no supervisor is left: an acceptor then
     * assigns by hand.
     */
    public Optional<String> supervisorFor(GridCode grid, Set<String> excluded) {
        return areaOf(grid).flatMap(a -> a.supervisors().stream().filter(s -> !excluded.contains(s)).findFirst());
    }
}
