package org.citygrid.model.grid;

import org.citygrid.model.geo.GeoPoint;
import java.util.Collection;
import java.util.Optional;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryComponentFilter;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.ItemVisitor;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Answers which unit grid a WGS 84 point belongs to.
 *
 * <p>The grids sit in a JTS {@link STRtree} by their lon/lat envelopes, and each grid has a
 * point-in-polygon locator (indexed for grids of many vertices), so a lookup costs a tree descent
 * and a point-in-polygon test on the few grids whose envelope holds the point. Points outside every grid are measured in
 * metres in a {@link LocalMetricFrame} centred on the point, which is accurate however far the
 * grids reach.
 *
 * <p>The index is built once and never changes. The tree and every locator are built in the
 * constructor and reached through final fields, so any number of threads may query a published
 * instance without synchronisation.
 */
public final class GridIndex {

    /** Positions this close to a grid are taken as meant for it: a typical phone GPS error. */
    public static final double DEFAULT_NEAR_TOLERANCE_METRES = 30.0;

    private static final ItemDistance DEGREE_DISTANCE = new DegreeDistance();

    private final STRtree tree;
    private final int size;
    private final double nearToleranceMetres;
    private final GeometryFactory pointFactory = new GeometryFactory();

    /** Above this many vertices a grid gets an indexed locator; below, a plain ray count is faster. */
    private static final int INDEXED_LOCATOR_VERTICES = 64;

    private record Entry(UnitGrid grid, PointOnGeometryLocator locator) {}

    private GridIndex(Collection<UnitGrid> grids, double nearToleranceMetres) {
        requireTolerance(nearToleranceMetres);
        this.nearToleranceMetres = nearToleranceMetres;
        this.size = grids.size();
        STRtree tree = new STRtree();
        for (UnitGrid grid : grids) {
            // JTS caches envelopes lazily, without synchronisation, and the locators read those of
            // polygons, shells and holes: fill every cache here, before the final field publishes them
            grid.geometry().apply((GeometryComponentFilter) Geometry::getEnvelopeInternal);
            PointOnGeometryLocator locator = locatorFor(grid.geometry());
            tree.insert(grid.geometry().getEnvelopeInternal(), new Entry(grid, locator));
        }
        tree.build();
        this.tree = tree;
    }

    /** An index with the {@link #DEFAULT_NEAR_TOLERANCE_METRES default} near tolerance. */
    public static GridIndex of(Collection<UnitGrid> grids) {
        return new GridIndex(grids, DEFAULT_NEAR_TOLERANCE_METRES);
    }

    /**
     * An index of grids.
     *
     * @param nearToleranceMetres how far outside every grid a point may be and still be
     *                            {@link GridLookup.Near near} one
     */
    public static GridIndex of(Collection<UnitGrid> grids, double nearToleranceMetres) {
        return new GridIndex(grids, nearToleranceMetres);
    }

    /** The number of grids indexed. */
    public int size() {
        return size;
    }

    public double nearToleranceMetres() {
        return nearToleranceMetres;
    }

    private static PointOnGeometryLocator locatorFor(Geometry geometry) {
        if (geometry.getNumPoints() <= INDEXED_LOCATOR_VERTICES) {
            return new SimplePointInAreaLocator(geometry);
        }
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(geometry);
        // the locator indexes itself lazily on first use: do it now, before other threads look
        locator.locate(geometry.getEnvelopeInternal().centre());
        return locator;
    }

    /** Locates a point with the index's near tolerance. */
    public GridLookup locate(GeoPoint point) {
        return locate(point.lon(), point.lat(), nearToleranceMetres);
    }

    /** Locates a point with the index's near tolerance. */
    public GridLookup locate(double lon, double lat) {
        return locate(lon, lat, nearToleranceMetres);
    }

    /**
     * Locates a point.
     *
     * @param lon                 WGS 84 longitude
     * @param lat                 WGS 84 latitude
     * @param nearToleranceMetres how far outside every grid the point may be and still be near one
     * @return inside a grid (boundary included), near one, or outside the managed area
     */
    public GridLookup locate(double lon, double lat, double nearToleranceMetres) {
        new GeoPoint(lon, lat); // rejects what is not a lon/lat position, swapped axes included
        requireTolerance(nearToleranceMetres);
        Coordinate point = new Coordinate(lon, lat);
        Containing containing = new Containing(point);
        tree.query(new Envelope(point), containing);
        if (containing.best != null) {
            return new GridLookup.Inside(containing.best.grid());
        }
        if (size == 0) {
            return new GridLookup.Outside(Optional.empty(), Double.POSITIVE_INFINITY);
        }
        LocalMetricFrame frame = LocalMetricFrame.at(lon, lat);
        Nearest near = nearestWithin(frame, point, nearToleranceMetres);
        if (near != null) {
            return new GridLookup.Near(near.grid, near.metres);
        }
        // the tree measures in degrees, in which a degree of longitude is shorter on the ground than
        // one of latitude, so it favours grids to the north or south;
        // its answer bounds the true nearest, which a search in metres within that bound finds
        Point query = pointFactory.createPoint(point);
        Entry byDegrees = (Entry) tree.nearestNeighbour(query.getEnvelopeInternal(), query, DEGREE_DISTANCE);
        double bound = metres(frame, byDegrees.grid());
        Nearest nearest = nearestWithin(frame, point, bound);
        if (nearest == null) {
            nearest = new Nearest(byDegrees.grid(), bound);
        }
        return new GridLookup.Outside(Optional.of(nearest.grid), nearest.metres);
    }

    private record Nearest(UnitGrid grid, double metres) {}

    private Nearest nearestWithin(LocalMetricFrame frame, Coordinate point, double metres) {
        // 1 % and a centimetre of slack so that a grid at exactly the limit is not lost to rounding
        double slack = metres * 1.01 + 0.01;
        Envelope search = new Envelope(point);
        search.expandBy(slack / frame.metresPerDegreeLon(), slack / frame.metresPerDegreeLat());
        UnitGrid best = null;
        double bestMetres = Double.POSITIVE_INFINITY;
        for (Object item : tree.query(search)) {
            UnitGrid grid = ((Entry) item).grid();
            double d = metres(frame, grid);
            if (d <= metres && (d < bestMetres || d == bestMetres && grid.code().compareTo(best.code()) < 0)) {
                best = grid;
                bestMetres = d;
            }
        }
        return best == null ? null : new Nearest(best, bestMetres);
    }

    /** The distance in metres from the frame's origin to a grid. */
    private double metres(LocalMetricFrame frame, UnitGrid grid) {
        return frame.toMetres(grid.geometry()).distance(pointFactory.createPoint(new Coordinate(0, 0)));
    }

    private static void requireTolerance(double metres) {
        if (!(metres >= 0) || Double.isInfinite(metres)) {
            throw new IllegalArgumentException("near tolerance must be a finite number of metres >= 0, not " + metres);
        }
    }

    /**
     * Picks the grid holding a point among the candidates the tree offers, independently of their
     * order: a grid with the point in its interior before one with it on its boundary (which only
     * matters for overlapping data), then the smallest code.
     */
    private static final class Containing implements ItemVisitor {
        private final Coordinate point;
        private Entry best;
        private boolean bestHasInInterior;

        Containing(Coordinate point) {
            this.point = point;
        }

        @Override
        public void visitItem(Object item) {
            Entry entry = (Entry) item;
            int location = entry.locator().locate(point);
            if (location == Location.EXTERIOR) {
                return;
            }
            boolean interior = location == Location.INTERIOR;
            if (best == null
                    || interior && !bestHasInInterior
                    || interior == bestHasInInterior && entry.grid().code().compareTo(best.grid().code()) < 0) {
                best = entry;
                bestHasInInterior = interior;
            }
        }
    }

    private static final class DegreeDistance implements ItemDistance {
        @Override
        public double distance(ItemBoundable a, ItemBoundable b) {
            return geometry(a.getItem()).distance(geometry(b.getItem()));
        }

        private static Geometry geometry(Object item) {
            return item instanceof Entry entry ? entry.grid().geometry() : (Geometry) item;
        }
    }

    @Override
    public String toString() {
        return "GridIndex[" + size + " grids, near within " + nearToleranceMetres + " m]";
    }
}
