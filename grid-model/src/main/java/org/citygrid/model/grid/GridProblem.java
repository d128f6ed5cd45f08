package org.citygrid.model.grid;

import org.citygrid.model.geo.GeoPoint;
import java.util.List;
import java.util.Objects;

/**
 * One problem {@link GridValidator} found in a set of unit grids: which grids, and a message a
 * person can act on.
 */
public sealed interface GridProblem {

    /** The grids concerned, in code order; for a gap, the grids around it. */
    List<GridCode> codes();

    /** What is wrong, naming the grids and where. */
    String message();

    /**
     * A geometry that is not a valid polygon in the OGC sense (self-intersecting ring, hole outside
     * its shell, too few distinct points, ...), as JTS's {@code IsValidOp} reports it.
     *
     * @param code     the grid
     * @param error    JTS's description of the error
     * @param location where the error is
     */
    record InvalidGeometry(GridCode code, String error, GeoPoint location) implements GridProblem {
        public List<GridCode> codes() {
            return List.of(code);
        }

        public String message() {
            return "grid " + code + " has an invalid polygon: " + error + " at " + location;
        }
    }

    /**
     * Two grids whose interiors share more than the tolerated area.
     *
     * @param first            the grid with the smaller code
     * @param second           the other grid
     * @param areaSquareMetres the area they share
     */
    record Overlap(GridCode first, GridCode second, double areaSquareMetres) implements GridProblem {
        public List<GridCode> codes() {
            return List.of(first, second);
        }

        public String message() {
            return String.format(java.util.Locale.ROOT, "grids %s and %s overlap by %.1f m²", first, second, areaSquareMetres);
        }
    }

    /**
     * A hole in the union of a community's grids: ground inside the community that no grid covers.
     *
     * @param communityCode    the community
     * @param bordering        the grids around the hole, in code order
     * @param areaSquareMetres the hole's area
     * @param location         a point inside the hole
     */
    record Gap(String communityCode, List<GridCode> bordering, double areaSquareMetres, GeoPoint location)
            implements GridProblem {
        public Gap {
            bordering = List.copyOf(bordering);
        }

        public List<GridCode> codes() {
            return bordering;
        }

        public String message() {
            return String.format(java.util.Locale.ROOT, "community %s has a gap of %.1f m² at %s between grids %s",
                    communityCode, areaSquareMetres, location, bordering);
        }
    }

    /**
     * A code given to more than one grid.
     *
     * @param code  the code
     * @param count how many grids carry it
     */
    record DuplicateCode(GridCode code, int count) implements GridProblem {
        public List<GridCode> codes() {
            return List.of(code);
        }

        public String message() {
            return "grid code " + code + " is used by " + count + " grids";
        }
    }

    /**
     * A grid whose code contradicts the street, community or district it declares.
     *
     * @param code   the grid
     * @param reason what contradicts what
     */
    record InconsistentCode(GridCode code, String reason) implements GridProblem {
        public InconsistentCode {
            Objects.requireNonNull(reason, "reason");
        }

        public List<GridCode> codes() {
            return List.of(code);
        }

        public String message() {
            return "grid " + code + ": " + reason;
        }
    }
}
