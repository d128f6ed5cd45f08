package org.citygrid.model.grid;

import java.util.Objects;
import java.util.Optional;

/** Where a point is with respect to the managed grids: the answer of {@link GridIndex#locate}. */
public sealed interface GridLookup {

    /**
     * The grid a case at this point should be attached to: the grid it is in, or the grid it is
     * near; empty outside the managed area.
     */
    Optional<UnitGrid> assignedGrid();

    /**
     * The point lies in a grid, its boundary included. On an edge or vertex shared by several
     * grids the grid with the smallest code is answered, so the answer never depends on
     * the order grids were loaded in.
     */
    record Inside(UnitGrid grid) implements GridLookup {
        public Inside {
            Objects.requireNonNull(grid, "grid");
        }

        public Optional<UnitGrid> assignedGrid() {
            return Optional.of(grid);
        }
    }

    /**
     * The point lies in no grid but within the tolerance of one, as a position taken in a street
     * just outside the district's edge, or a phone fix a few metres off, does.
     *
     * @param grid           the nearest grid; the smallest code among equally near ones
     * @param distanceMetres the distance to it, more than zero and at most the tolerance
     */
    record Near(UnitGrid grid, double distanceMetres) implements GridLookup {
        public Near {
            Objects.requireNonNull(grid, "grid");
        }

        public Optional<UnitGrid> assignedGrid() {
            return Optional.of(grid);
        }
    }

    /**
     * The point lies outside the managed area: farther than the tolerance from every grid.
     *
     * @param nearest        the nearest grid, empty when there are no grids at all
     * @param distanceMetres the distance to the nearest grid; positive infinity when there is none
     */
    record Outside(Optional<UnitGrid> nearest, double distanceMetres) implements GridLookup {
        public Outside {
            Objects.requireNonNull(nearest, "nearest");
        }

        public Optional<UnitGrid> assignedGrid() {
            return Optional.empty();
        }
    }
}
