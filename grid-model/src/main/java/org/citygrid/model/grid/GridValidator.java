package org.citygrid.model.grid;

import org.citygrid.model.geo.GeoPoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Checks that a district's unit grids form a proper tessellation: valid polygons, no overlaps, no
 * gaps inside a community, unique codes, and codes that agree with the declared hierarchy.
 *
 * <p>Areas are measured in a {@link LocalMetricFrame} centred on the grids, so tolerances are in
 * square metres. Overlap candidates come from an STRtree, so the cost grows with the number of
 * neighbouring pairs, not with the square of the number of grids. Overlaps and gaps are only
 * looked for among grids with valid geometry: an invalid polygon has no well-defined area.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class GridValidator {

    /** Shared areas and holes up to this size are taken for rounding noise, not problems. */
    public static final double DEFAULT_TOLERANCE_SQUARE_METRES = 1.0;

    /** DE-9IM pattern of two geometries whose interiors meet. */
    private static final String INTERIORS_INTERSECT = "T********";

    private final double overlapToleranceSquareMetres;
    private final double gapToleranceSquareMetres;

    /** A validator ignoring overlaps and gaps up to {@link #DEFAULT_TOLERANCE_SQUARE_METRES}. */
    public GridValidator() {
        this(DEFAULT_TOLERANCE_SQUARE_METRES, DEFAULT_TOLERANCE_SQUARE_METRES);
    }

    /**
     * @param overlapToleranceSquareMetres overlaps up to this area are ignored
     * @param gapToleranceSquareMetres     holes up to this area are ignored
     */
    public GridValidator(double overlapToleranceSquareMetres, double gapToleranceSquareMetres) {
        if (!(overlapToleranceSquareMetres >= 0) || !(gapToleranceSquareMetres >= 0)) {
            throw new IllegalArgumentException("tolerances must be zero or positive");
        }
        this.overlapToleranceSquareMetres = overlapToleranceSquareMetres;
        this.gapToleranceSquareMetres = gapToleranceSquareMetres;
    }

    /** Validates a district's grids, including that every grid code lies in the district. */
    public ValidationReport validate(GridHierarchy hierarchy) {
        String county = hierarchy.district().code();
        List<GridProblem> outsideDistrict = new ArrayList<>();
        for (UnitGrid grid : hierarchy.grids()) {
            if (!grid.code().county().equals(county)) {
                outsideDistrict.add(new GridProblem.InconsistentCode(grid.code(),
                        "county " + grid.code().county() + " is not the district's " + county));
            }
        }
        return validate(hierarchy.grids(), outsideDistrict);
    }

    /** Validates grids, whichever district they belong to. */
    public ValidationReport validate(Collection<UnitGrid> grids) {
        return validate(grids, List.of());
    }

    private ValidationReport validate(Collection<UnitGrid> input, List<GridProblem> countyProblems) {
        List<UnitGrid> grids = new ArrayList<>(input);
        grids.sort(Comparator.comparing(UnitGrid::code));
        List<GridProblem> problems = new ArrayList<>();
        List<UnitGrid> valid = new ArrayList<>(grids.size());
        for (UnitGrid grid : grids) {
            TopologyValidationError error = new IsValidOp(grid.geometry()).getValidationError();
            if (error == null) {
                valid.add(grid);
            } else {
                Coordinate c = error.getCoordinate();
                problems.add(new GridProblem.InvalidGeometry(grid.code(), error.getMessage(),
                        c == null ? null : new GeoPoint(c.x, c.y)));
            }
        }
        if (!valid.isEmpty()) {
            LocalMetricFrame frame = frameFor(valid);
            List<Geometry> metric = valid.stream().map(g -> frame.toMetres(g.geometry())).toList();
            problems.addAll(overlaps(valid, metric));
            problems.addAll(gaps(valid, metric, frame));
        }
        problems.addAll(duplicates(grids));
        problems.addAll(inconsistentCodes(grids));
        problems.addAll(countyProblems);
        return new ValidationReport(grids.size(), problems);
    }

    private static LocalMetricFrame frameFor(List<UnitGrid> grids) {
        Envelope all = new Envelope();
        grids.forEach(g -> all.expandToInclude(g.geometry().getEnvelopeInternal()));
        return LocalMetricFrame.at(all.centre().x, all.centre().y);
    }

    private List<GridProblem> overlaps(List<UnitGrid> grids, List<Geometry> metric) {
        STRtree tree = new STRtree();
        for (int i = 0; i < metric.size(); i++) {
            tree.insert(metric.get(i).getEnvelopeInternal(), i);
        }
        tree.build();
        List<GridProblem> found = new ArrayList<>();
        for (int i = 0; i < metric.size(); i++) {
            Geometry a = metric.get(i);
            RelateNG prepared = RelateNG.prepare(a);
            for (Object item : tree.query(a.getEnvelopeInternal())) {
                int j = (Integer) item;
                // each pair once; grids are in code order, so the first of a pair has the smaller code.
                // Neighbours share edges, and the cheap relate test spares them the overlay.
                if (j <= i || !prepared.evaluate(metric.get(j), INTERIORS_INTERSECT)) {
                    continue;
                }
                double area = OverlayNGRobust.overlay(a, metric.get(j), OverlayNG.INTERSECTION).getArea();
                if (area > overlapToleranceSquareMetres) {
                    found.add(new GridProblem.Overlap(grids.get(i).code(), grids.get(j).code(), area));
                }
            }
        }
        found.sort(Comparator.comparing((GridProblem p) -> p.codes().get(0)).thenComparing(p -> p.codes().get(1)));
        return found;
    }

    private List<GridProblem> gaps(List<UnitGrid> grids, List<Geometry> metric, LocalMetricFrame frame) {
        Map<String, List<Integer>> byCommunity = new TreeMap<>();
        for (int i = 0; i < grids.size(); i++) {
            byCommunity.computeIfAbsent(grids.get(i).community().code(), c -> new ArrayList<>()).add(i);
        }
        List<GridProblem> found = new ArrayList<>();
        GeometryFactory factory = metric.get(0).getFactory();
        byCommunity.forEach((community, members) -> {
            List<Geometry> parts = members.stream().map(metric::get).toList();
            Geometry union = OverlayNGRobust.union(parts);
            for (int p = 0; p < union.getNumGeometries(); p++) {
                Polygon polygon = (Polygon) union.getGeometryN(p);
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    Polygon hole = factory.createPolygon(polygon.getInteriorRingN(h).getCoordinateSequence());
                    double area = hole.getArea();
                    if (area <= gapToleranceSquareMetres) {
                        continue;
                    }
                    List<GridCode> bordering = members.stream()
                            .filter(i -> metric.get(i).intersects(hole))
                            .map(i -> grids.get(i).code()).distinct().sorted().toList();
                    Coordinate inside = hole.getInteriorPoint().getCoordinate();
                    Coordinate lonLat = frame.toDegrees(inside.x, inside.y);
                    found.add(new GridProblem.Gap(community, bordering, area, new GeoPoint(lonLat.x, lonLat.y)));
                }
            }
        });
        return found;
    }

    private static List<GridProblem> duplicates(List<UnitGrid> sortedGrids) {
        List<GridProblem> found = new ArrayList<>();
        int i = 0;
        while (i < sortedGrids.size()) {
            int j = i + 1;
            while (j < sortedGrids.size() && sortedGrids.get(j).code().equals(sortedGrids.get(i).code())) {
                j++;
            }
            if (j - i > 1) {
                found.add(new GridProblem.DuplicateCode(sortedGrids.get(i).code(), j - i));
            }
            i = j;
        }
        return found;
    }

    private static List<GridProblem> inconsistentCodes(List<UnitGrid> grids) {
        List<GridProblem> found = new ArrayList<>();
        for (UnitGrid grid : grids) {
            GridCode code = grid.code();
            if (!code.communityCode().equals(grid.community().code())) {
                found.add(new GridProblem.InconsistentCode(code, "code names community " + code.communityCode()
                        + " but the grid declares community " + grid.community().code() + " " + grid.community().name().zh()));
            }
            if (!code.streetCode().equals(grid.street().code())) {
                found.add(new GridProblem.InconsistentCode(code, "code names street " + code.streetCode()
                        + " but the grid declares street " + grid.street().code() + " " + grid.street().name().zh()));
            }
            if (!grid.community().streetCode().equals(grid.street().code())) {
                found.add(new GridProblem.InconsistentCode(code, "declared community " + grid.community().code()
                        + " is not in declared street " + grid.street().code()));
            }
        }
        return found;
    }
}
