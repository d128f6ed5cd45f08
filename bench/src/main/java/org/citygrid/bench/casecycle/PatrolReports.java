package org.citygrid.bench.casecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.citygrid.contracts.topics.TopicCatalogue;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.geo.GeoPoint;
import org.citygrid.model.grid.UnitGrid;
import org.citygrid.model.intake.IntakeRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The benchmark's unit of work: a grid worker's patrol report of a loose water-supply manhole cover (C0101), as
 * mobile-api writes it to {@code grid.intake} (keyed by its intake id). The catalogue lets C0101 file itself when a
 * patroller reports it and names the department that takes it, so each report goes report → file → dispatch with no
 * person in between: three commands and a {@code Dispatched} event at the end.
 *
 * <p>Consecutive reports go to consecutive unit grids of the sample city, so that they spread over its communities
 * (the case cycle's partitioning key) as a city's reports do. Within a grid, each report stands on its own point of
 * a lattice about a metre apart around the grid's interior point, so that none lies within the benchmark's
 * duplicate distance of another ({@link CaseCycleStack#DUPLICATE_DISTANCE_M}) and every report opens a case of its
 * own.
 */
final class PatrolReports {
    static final String CATEGORY = "C0101";
    static final String REPORTER = "bench-patroller";

    /** About 0.85 m east-west and 1.1 m north-south at Beijing's latitude. */
    private static final double STEP_DEGREES = 1e-5;

    private final List<UnitGrid> grids;
    private final List<Point> centres = new ArrayList<>();
    private final int[] used;
    private final GeometryFactory factory = new GeometryFactory();
    private long next;

    PatrolReports(List<UnitGrid> grids) {
        if (grids.isEmpty()) {
            throw new IllegalArgumentException("the city has no unit grids to report from");
        }
        this.grids = List.copyOf(grids);
        for (UnitGrid grid : this.grids) {
            centres.add(grid.geometry().getInteriorPoint());
        }
        this.used = new int[grids.size()];
    }

    /** One report to send: its intake id (the record's key) and the record as written to {@code grid.intake}. */
    record Report(String intakeId, byte[] value) {
    }

    /** The next report, observed now, at the next free spot. */
    Report next() {
        long n = next++;
        int g = (int) (n % grids.size());
        String intakeId = "bench-patrol-" + n;
        IntakeRecord record = IntakeRecord.report(intakeId, Channel.PATROL, "bench", Instant.now(), CATEGORY,
                spot(g), "井盖松动 loose manhole cover", REPORTER, false, List.of());
        return new Report(intakeId, TopicCatalogue.INTAKE.write(record));
    }

    /** The grid's next lattice point (a square spiral out from its interior point) that lies inside the grid. */
    private GeoPoint spot(int g) {
        Geometry area = grids.get(g).geometry();
        Coordinate centre = centres.get(g).getCoordinate();
        while (true) {
            int[] offset = spiral(used[g]++);
            Coordinate c = new Coordinate(centre.x + offset[0] * STEP_DEGREES, centre.y + offset[1] * STEP_DEGREES);
            if (area.covers(factory.createPoint(c))) {
                return new GeoPoint(c.x, c.y);
            }
        }
    }

    /** The i-th point of a square spiral around (0, 0): (0,0), (1,0), (1,1), (0,1), (-1,1), (-1,0), ... */
    static int[] spiral(int i) {
        if (i == 0) {
            return new int[] {0, 0};
        }
        int ring = (int) Math.ceil((Math.sqrt(i + 1) - 1) / 2); // ring r holds the points with max(|x|,|y|) == r
        int side = 2 * ring;
        int first = (2 * ring - 1) * (2 * ring - 1); // index of the ring's first point
        int k = i - first;
        if (k < side) {
            return new int[] {ring, -ring + 1 + k};
        }
        k -= side;
        if (k < side) {
            return new int[] {ring - 1 - k, ring};
        }
        k -= side;
        if (k < side) {
            return new int[] {-ring, ring - 1 - k};
        }
        k -= side;
        return new int[] {-ring + 1 + k, -ring};
    }
}
