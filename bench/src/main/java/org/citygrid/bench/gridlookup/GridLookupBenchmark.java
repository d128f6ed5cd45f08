package org.citygrid.bench.gridlookup;

import org.citygrid.model.grid.GridIndex;
import org.citygrid.model.grid.GridLookup;
import org.citygrid.model.grid.UnitGrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.citygrid.sample.SampleCityGenerator;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Point &rarr; grid lookups per second on the 3,000-grid sample city (seed 1), one thread, with
 * two baselines measured in the same run so that the index's figure can be read as a ratio.
 *
 * <ul>
 *   <li>{@code gridIndex}: {@link GridIndex#locate(double, double)} on random points inside the
 *       district, the everyday case of a report or a sensor alarm;
 *   <li>{@code strTreeOnly}: the same points, a bare {@link STRtree} queried with the point and the
 *       same point-in-polygon test GridIndex uses, without its argument checks or tolerance logic:
 *       what GridIndex adds to a JTS tree;
 *   <li>{@code linearScan} (the baseline of the ratios): the same points, each grid in code order
 *       given that same point-in-polygon test (envelope first) until one holds the point: what a
 *       lookup costs without an index;
 *   <li>{@code linearScanPrepared}: the scan a first attempt would write, with
 *       {@link PreparedGeometry#covers};
 *   <li>{@code gridIndexInBoundingBox}: GridIndex on random points of the district's bounding box,
 *       some of which lie outside every grid and take the near/outside path (no baseline: a scan
 *       has no answer for those).
  * </ul>
 * Setup checks on 1,024 of the inside points that every baseline answers the same grid as
 * GridIndex, so all do the same job.
 *
 * <p>The settings here are those {@code ./gridcity bench grid-lookup} uses: it runs
 * {@link GridLookupBench}, which takes each fork as a round of all benchmarks (so that baseline
 * and index are measured under the same machine load) and prints the table with the ratios. JMH
 * options given on its command line override these settings.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Threads(1)
public class GridLookupBenchmark {

    private static final int POINTS = 1 << 14;
    private static final int CHECKED_POINTS = 1 << 10;

    @Param("3000")
    public int grids;

    private final GeometryFactory factory = new GeometryFactory();
    private GridIndex index;
    private UnitGrid[] inCodeOrder;
    private PreparedGrid[] preparedInCodeOrder;
    private STRtree tree;
    private double[] districtLon;
    private double[] districtLat;
    private double[] boxLon;
    private double[] boxLat;
    private int next;

    private record PreparedGrid(UnitGrid grid, PreparedGeometry geometry) {}

    /** Random points of the sample city's bounding box, the same ones in every fork. */
    static double[][] boundingBoxPoints(List<UnitGrid> city) {
        Envelope box = new Envelope();
        city.forEach(g -> box.expandToInclude(g.geometry().getEnvelopeInternal()));
        Random random = new Random(20_240_601);
        double[][] lonLat = new double[2][POINTS];
        for (int i = 0; i < POINTS; i++) {
            lonLat[0][i] = box.getMinX() + random.nextDouble() * box.getWidth();
            lonLat[1][i] = box.getMinY() + random.nextDouble() * box.getHeight();
        }
        return lonLat;
    }

    /** The share of {@link #boundingBoxPoints} in no grid, for the report. */
    static double boundingBoxShareOutside(int grids) {
        List<UnitGrid> city = new SampleCityGenerator(1, grids).generate().grids().grids();
        GridIndex index = GridIndex.of(city);
        double[][] points = boundingBoxPoints(city);
        int outside = 0;
        for (int i = 0; i < POINTS; i++) {
            outside += index.locate(points[0][i], points[1][i], 0) instanceof GridLookup.Inside ? 0 : 1;
        }
        return (double) outside / POINTS;
    }

    @Setup
    public void setUp() {
        List<UnitGrid> city = new SampleCityGenerator(1, grids).generate().grids().grids();
        index = GridIndex.of(city);
        inCodeOrder = city.stream().sorted(Comparator.comparing(UnitGrid::code)).toArray(UnitGrid[]::new);
        preparedInCodeOrder = Arrays.stream(inCodeOrder)
                .map(g -> new PreparedGrid(g, PreparedGeometryFactory.prepare(g.geometry())))
                .toArray(PreparedGrid[]::new);
        tree = new STRtree();
        for (UnitGrid grid : inCodeOrder) {
            tree.insert(grid.geometry().getEnvelopeInternal(), grid);
        }
        tree.build();

        double[][] box = boundingBoxPoints(city);
        boxLon = box[0];
        boxLat = box[1];
        Envelope extent = new Envelope();
        city.forEach(g -> extent.expandToInclude(g.geometry().getEnvelopeInternal()));
        Random random = new Random(20_240_602);
        List<double[]> inside = new ArrayList<>();
        while (inside.size() < POINTS) {
            double lon = extent.getMinX() + random.nextDouble() * extent.getWidth();
            double lat = extent.getMinY() + random.nextDouble() * extent.getHeight();
            if (index.locate(lon, lat, 0) instanceof GridLookup.Inside) {
                inside.add(new double[] {lon, lat});
            }
        }
        districtLon = inside.stream().mapToDouble(p -> p[0]).toArray();
        districtLat = inside.stream().mapToDouble(p -> p[1]).toArray();
        requireSameAnswers();
    }

    /**
     * A baseline that answered differently would be measuring a different job. A sample of the
     * points suffices to show that, and checking them all would cost each fork seconds of scans.
     */
    private void requireSameAnswers() {
        for (int i = 0; i < CHECKED_POINTS; i++) {
            double lon = districtLon[i], lat = districtLat[i];
            UnitGrid expected = ((GridLookup.Inside) index.locate(lon, lat)).grid();
            UnitGrid[] answers = {query(lon, lat), scan(lon, lat), scanPrepared(lon, lat)};
            for (UnitGrid answer : answers) {
                if (answer != expected) {
                    throw new IllegalStateException("a baseline answers " + answer + " at " + lon + ", " + lat
                            + " where GridIndex answers " + expected);
                }
            }
        }
    }

    private UnitGrid query(double lon, double lat) {
        Coordinate point = new Coordinate(lon, lat);
        UnitGrid best = null;
        // a point on a shared edge is in several grids: take the smallest code, like GridIndex
        for (Object item : tree.query(new Envelope(point))) {
            UnitGrid grid = (UnitGrid) item;
            if (SimplePointInAreaLocator.locate(point, grid.geometry()) != Location.EXTERIOR
                    && (best == null || grid.code().compareTo(best.code()) < 0)) {
                best = grid;
            }
        }
        return best;
    }

    private UnitGrid scan(double lon, double lat) {
        Coordinate point = new Coordinate(lon, lat);
        for (UnitGrid grid : inCodeOrder) {
            if (SimplePointInAreaLocator.locate(point, grid.geometry()) != Location.EXTERIOR) {
                return grid;
            }
        }
        return null;
    }

    private UnitGrid scanPrepared(double lon, double lat) {
        Point point = factory.createPoint(new Coordinate(lon, lat));
        for (PreparedGrid grid : preparedInCodeOrder) {
            if (grid.geometry().covers(point)) {
                return grid.grid();
            }
        }
        return null;
    }

    @Benchmark
    public GridLookup gridIndex() {
        int i = next++ & (POINTS - 1);
        return index.locate(districtLon[i], districtLat[i]);
    }

    @Benchmark
    public UnitGrid linearScan() {
        int i = next++ & (POINTS - 1);
        return scan(districtLon[i], districtLat[i]);
    }

    @Benchmark
    public UnitGrid linearScanPrepared() {
        int i = next++ & (POINTS - 1);
        return scanPrepared(districtLon[i], districtLat[i]);
    }

    @Benchmark
    public UnitGrid strTreeOnly() {
        int i = next++ & (POINTS - 1);
        return query(districtLon[i], districtLat[i]);
    }

    @Benchmark
    public GridLookup gridIndexInBoundingBox() {
        int i = next++ & (POINTS - 1);
        return index.locate(boxLon[i], boxLat[i]);
    }
}
