package org.citygrid.model.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.citygrid.model.sample.SampleCityGenerator;
import org.locationtech.jts.geom.Envelope;
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
 * Point &rarr; grid lookups per second on the 3,000-grid sample city, one thread.
 *
 * <p>{@code inDistrict} asks for random points that fall inside the district, the everyday case of
 * a report or a sensor alarm; {@code inBoundingBox} asks for random points of the district's
 * bounding box, about a third of which lie outside every grid and take the slower near/outside path.
 *
 * <p>Run from the repository root (JMH forks a JVM, which needs the test class path on its command
 * line, hence {@code exec:exec} rather than {@code exec:java}):
 * <pre>
 * ./mvnw -q -pl grid-model test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath org.openjdk.jmh.Main GridLookup -f 1 -wi 2 -i 3"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Threads(1)
public class GridLookupBenchmark {

    private static final int POINTS = 1 << 14;

    @Param("3000")
    public int grids;

    private GridIndex index;
    private double[] districtLon;
    private double[] districtLat;
    private double[] boxLon;
    private double[] boxLat;
    private int next;

    @Setup
    public void setUp() {
        List<UnitGrid> city = new SampleCityGenerator(1, grids).generate().grids().grids();
        index = GridIndex.of(city);
        Envelope box = new Envelope();
        city.forEach(g -> box.expandToInclude(g.geometry().getEnvelopeInternal()));
        Random random = new Random(20_240_601);
        boxLon = new double[POINTS];
        boxLat = new double[POINTS];
        List<double[]> inside = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) {
            boxLon[i] = box.getMinX() + random.nextDouble() * box.getWidth();
            boxLat[i] = box.getMinY() + random.nextDouble() * box.getHeight();
        }
        while (inside.size() < POINTS) {
            double lon = box.getMinX() + random.nextDouble() * box.getWidth();
            double lat = box.getMinY() + random.nextDouble() * box.getHeight();
            if (index.locate(lon, lat, 0) instanceof GridLookup.Inside) {
                inside.add(new double[] {lon, lat});
            }
        }
        districtLon = inside.stream().mapToDouble(p -> p[0]).toArray();
        districtLat = inside.stream().mapToDouble(p -> p[1]).toArray();
    }

    @Benchmark
    public GridLookup inDistrict() {
        int i = next++ & (POINTS - 1);
        return index.locate(districtLon[i], districtLat[i]);
    }

    @Benchmark
    public GridLookup inBoundingBox() {
        int i = next++ & (POINTS - 1);
        return index.locate(boxLon[i], boxLat[i]);
    }
}
