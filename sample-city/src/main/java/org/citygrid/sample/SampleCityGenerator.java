package org.citygrid.sample;

import org.citygrid.model.geo.GeoPoint;
import org.citygrid.model.category.SensorType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.citygrid.model.cases.Role;
import org.citygrid.model.grid.AreaName;
import org.citygrid.model.grid.Community;
import org.citygrid.model.grid.GridCode;
import org.citygrid.model.grid.GridHierarchy;
import org.citygrid.model.grid.LocalMetricFrame;
import org.citygrid.model.grid.Street;
import org.citygrid.model.grid.UnitGrid;
import org.citygrid.model.inventory.ComponentRegister;
import org.citygrid.model.patrol.PatrolArea;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Generates a plausible sample city over Beijing's Dongcheng district: its 17 real streets, 8 to
 * 12 communities each named after local places, unit grids, departments, people and sensors.
 *
 * <p>The grids are the cells of a lattice laid over the district's outline, with every lattice
 * vertex moved a random distance so grids are not perfect squares. Neighbouring grids share the
 * very same vertices, so grids neither overlap nor leave gaps. Each cell belongs to the street
 * whose centre is nearest, and within the street to the nearest of the community centres (placed
 * by a few rounds of Lloyd's relaxation so communities come out of similar size). Both are convex
 * partitions, so a community never encloses ground of another, and a grid never crosses a
 * community boundary. Cell size follows the number of grids asked for: 3,000 grids are about
 * 10,000 m² each, the size the standard asks for.
 *
 * <p>Everything follows from the seed: the same seed and size give the same city, value for value.
 * Coordinates are rounded to 1e-7 degrees (about a centimetre) so they survive text files exactly.
 */
public final class SampleCityGenerator {

    /** The number of grids of the demo city. */
    public static final int DEFAULT_GRID_COUNT = 3_000;
    /** Fewer grids than this leave some streets without a grid. */
    public static final int MIN_GRID_COUNT = 100;
    /** More grids than this would crowd a community beyond 999 serials. */
    public static final int MAX_GRID_COUNT = 50_000;

    private static final double COORDINATE_SCALE = 1e7;
    private static final double JITTER = 0.18;

    private final long seed;
    private final int gridCount;
    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);

    /**
     * @param seed      everything random follows from it
     * @param gridCount about how many grids to make, in [{@value #MIN_GRID_COUNT}, {@value #MAX_GRID_COUNT}];
     *                  the city has this many give or take a fraction of a percent
     */
    public SampleCityGenerator(long seed, int gridCount) {
        if (gridCount < MIN_GRID_COUNT || gridCount > MAX_GRID_COUNT) {
            throw new IllegalArgumentException(
                    "grid count must be in " + MIN_GRID_COUNT + ".." + MAX_GRID_COUNT + ", not " + gridCount);
        }
        this.seed = seed;
        this.gridCount = gridCount;
    }

    /** A generator of the {@value #DEFAULT_GRID_COUNT}-grid demo city. */
    public SampleCityGenerator(long seed) {
        this(seed, DEFAULT_GRID_COUNT);
    }

    /** Writes a sample city's files: {@code SampleCityGenerator <dir> [seed] [grid count]}. */
    public static void main(String... args) {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: SampleCityGenerator <output dir> [seed, default 1] [grid count, default 3000]");
            System.exit(2);
        }
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_GRID_COUNT;
        SampleCity city = new SampleCityGenerator(seed, count).generate();
        Path dir = Path.of(args[0]);
        new SampleCityFiles().write(city, dir);
        System.out.printf("wrote %d grids, %d departments, %d workers, %d sensors, %d components, %d patrol areas to %s%n",
                city.grids().grids().size(), city.departments().size(), city.workers().size(), city.sensors().size(),
                city.components().size(), city.patrolAreas().size(), dir.toAbsolutePath());
    }

    /** Generates the city. */
    public SampleCity generate() {
        Lattice lattice = layLattice();
        GridHierarchy grids = GridHierarchy.of(DongchengGazetteer.DISTRICT, divide(lattice));
        List<Department> departments = departments(grids);
        List<Worker> workers = workers(grids, new Random(seed ^ 0x5EED_0003L));
        List<Sensor> sensors = sensors(grids, new Random(seed ^ 0x5EED_0004L));
        ComponentRegister components = new SampleComponents(grids, sensors, new Random(seed ^ 0x5EED_0005L)).register();
        List<PatrolArea> patrolAreas = SamplePatrolAreas.of(grids, workers);
        return new SampleCity(grids, departments, workers, sensors, components, patrolAreas);
    }

    // ---- lattice --------------------------------------------------------------------------------

    /** Cells of side {@code side} metres; {@code inside[row][col]} when the cell's centre is in the district. */
    private record Lattice(LocalMetricFrame frame, double x0, double y0, double side, int cols, int rows,
                           boolean[][] inside, Coordinate[][] vertices) {

        double centreX(int col) {
            return x0 + (col + 0.5) * side;
        }

        double centreY(int row) {
            return y0 + (row + 0.5) * side;
        }
    }

    private Lattice layLattice() {
        Coordinate[] ring = new Coordinate[DongchengGazetteer.OUTLINE.length];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new Coordinate(DongchengGazetteer.OUTLINE[i][0], DongchengGazetteer.OUTLINE[i][1]);
        }
        Polygon outline = factory.createPolygon(ring);
        LocalMetricFrame frame = LocalMetricFrame.centredOn(outline);
        Geometry metres = frame.toMetres(outline);
        IndexedPointInAreaLocator district = new IndexedPointInAreaLocator(metres);
        Envelope extent = metres.getEnvelopeInternal();
        // cells are counted by their centres, which the outline cuts unevenly: a few rounds of
        // correction bring the count close to the one asked for
        double side = Math.sqrt(metres.getArea() / gridCount);
        Lattice lattice = null;
        for (int round = 0; round < 4; round++) {
            lattice = cells(frame, extent, side, district);
            int count = 0;
            for (boolean[] row : lattice.inside()) {
                for (boolean in : row) {
                    count += in ? 1 : 0;
                }
            }
            side *= Math.sqrt((double) count / gridCount);
        }
        jitterVertices(lattice, new Random(seed ^ 0x5EED_0001L));
        return lattice;
    }

    private static Lattice cells(LocalMetricFrame frame, Envelope extent, double side, IndexedPointInAreaLocator district) {
        int cols = (int) Math.ceil(extent.getWidth() / side);
        int rows = (int) Math.ceil(extent.getHeight() / side);
        Lattice lattice = new Lattice(frame, extent.getMinX(), extent.getMinY(), side, cols, rows,
                new boolean[rows][cols], new Coordinate[rows + 1][cols + 1]);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Coordinate centre = new Coordinate(lattice.centreX(c), lattice.centreY(r));
                lattice.inside()[r][c] = district.locate(centre) == Location.INTERIOR;
            }
        }
        return lattice;
    }

    private static void jitterVertices(Lattice lattice, Random random) {
        double reach = JITTER * lattice.side();
        for (int r = 0; r <= lattice.rows(); r++) {
            for (int c = 0; c <= lattice.cols(); c++) {
                // a vertex stays within its own box of ±reach, so neighbouring edges never cross
                double x = lattice.x0() + c * lattice.side() + (random.nextDouble() * 2 - 1) * reach;
                double y = lattice.y0() + r * lattice.side() + (random.nextDouble() * 2 - 1) * reach;
                Coordinate lonLat = lattice.frame().toDegrees(x, y);
                lattice.vertices()[r][c] = new Coordinate(round(lonLat.x), round(lonLat.y));
            }
        }
    }

    private static double round(double degrees) {
        return Math.round(degrees * COORDINATE_SCALE) / COORDINATE_SCALE;
    }

    // ---- streets, communities, grids ------------------------------------------------------------

    private record Cell(int row, int col, double x, double y) {}

    private static final Comparator<Cell> NORTH_WEST_FIRST =
            Comparator.comparingInt((Cell c) -> -c.row()).thenComparingInt(Cell::col);

    private List<UnitGrid> divide(Lattice lattice) {
        List<DongchengGazetteer.StreetSeed> seeds = DongchengGazetteer.STREETS;
        List<Coordinate> streetCentres = seeds.stream().map(s -> lattice.frame().toMetres(s.lon(), s.lat())).toList();
        List<List<Cell>> streetCells = new ArrayList<>();
        seeds.forEach(s -> streetCells.add(new ArrayList<>()));
        for (int r = 0; r < lattice.rows(); r++) {
            for (int c = 0; c < lattice.cols(); c++) {
                if (lattice.inside()[r][c]) {
                    Cell cell = new Cell(r, c, lattice.centreX(c), lattice.centreY(r));
                    streetCells.get(nearest(streetCentres, cell)).add(cell);
                }
            }
        }
        Random random = new Random(seed ^ 0x5EED_0002L);
        List<String[]> places = new ArrayList<>(DongchengGazetteer.PLACES);
        Collections.shuffle(places, random);
        int communityNumber = 0;
        List<UnitGrid> grids = new ArrayList<>();
        for (int s = 0; s < seeds.size(); s++) {
            List<Cell> cells = streetCells.get(s);
            if (cells.isEmpty()) {
                continue;
            }
            Street street = new Street(seeds.get(s).code(), seeds.get(s).name());
            List<List<Cell>> communities = communities(cells, random);
            for (int k = 0; k < communities.size(); k++) {
                Community community = new Community(street.code() + String.format("%03d", k + 1),
                        communityName(places, communityNumber++));
                List<Cell> members = communities.get(k);
                members.sort(NORTH_WEST_FIRST);
                if (members.size() > 999) {
                    throw new IllegalStateException("community " + community.code() + " would need " + members.size() + " serials");
                }
                for (int i = 0; i < members.size(); i++) {
                    GridCode code = GridCode.of(community.code(), i + 1, 3);
                    AreaName name = new AreaName(community.name().zh() + "第" + (i + 1) + "网格",
                            community.name().en() + " Grid " + (i + 1));
                    grids.add(new UnitGrid(code, name, street, community, polygon(lattice, members.get(i))));
                }
            }
        }
        return grids;
    }

    /** Splits a street's cells among 8 to 12 community centres, relaxed towards even sizes. */
    private static List<List<Cell>> communities(List<Cell> cells, Random random) {
        int wanted = 8 + random.nextInt(5);
        int k = Math.max(1, Math.min(wanted, cells.size() / 4));
        List<Cell> shuffled = new ArrayList<>(cells);
        Collections.shuffle(shuffled, random);
        List<Coordinate> centres = new ArrayList<>();
        shuffled.subList(0, k).forEach(c -> centres.add(new Coordinate(c.x(), c.y())));
        List<List<Cell>> groups = assign(cells, centres);
        for (int round = 0; round < 5; round++) {
            centres.clear();
            for (List<Cell> group : groups) {
                centres.add(new Coordinate(group.stream().mapToDouble(Cell::x).average().orElseThrow(),
                        group.stream().mapToDouble(Cell::y).average().orElseThrow()));
            }
            groups = assign(cells, centres);
        }
        // number communities from the north-west, as one reads a map
        groups.sort(Comparator.comparing(g -> g.stream().min(NORTH_WEST_FIRST).orElseThrow(), NORTH_WEST_FIRST));
        return groups;
    }

    /** Groups cells by their nearest centre; centres left without cells are dropped. */
    private static List<List<Cell>> assign(List<Cell> cells, List<Coordinate> centres) {
        List<List<Cell>> groups = new ArrayList<>();
        centres.forEach(c -> groups.add(new ArrayList<>()));
        for (Cell cell : cells) {
            groups.get(nearest(centres, cell)).add(cell);
        }
        groups.removeIf(List::isEmpty);
        return groups;
    }

    private static int nearest(List<Coordinate> centres, Cell cell) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < centres.size(); i++) {
            double d = centres.get(i).distance(new Coordinate(cell.x(), cell.y()));
            if (d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    private static AreaName communityName(List<String[]> places, int number) {
        String[] place = places.get(number % places.size());
        int round = number / places.size();
        if (round == 0) {
            return new AreaName(place[0] + "社区", place[1] + " Community");
        }
        String[] direction = DongchengGazetteer.DIRECTIONS.get((round - 1) % DongchengGazetteer.DIRECTIONS.size());
        String suffix = round > DongchengGazetteer.DIRECTIONS.size() ? String.valueOf(round) : "";
        return new AreaName(place[0] + direction[0] + suffix + "社区", place[1] + " " + direction[1] + suffix + " Community");
    }

    private Polygon polygon(Lattice lattice, Cell cell) {
        Coordinate[][] v = lattice.vertices();
        int r = cell.row(), c = cell.col();
        return factory.createPolygon(new Coordinate[] {
                v[r][c].copy(), v[r][c + 1].copy(), v[r + 1][c + 1].copy(), v[r + 1][c].copy(), v[r][c].copy()});
    }

    // ---- departments, workers, sensors ----------------------------------------------------------

    private static List<Department> departments(GridHierarchy grids) {
        String district = grids.district().code();
        AreaName districtName = grids.district().name();
        String shortEn = districtName.en().replace(" District", "");
        List<Department> departments = new ArrayList<>();
        for (DepartmentType type : DepartmentType.values()) {
            if (!type.isTerritorial()) {
                departments.add(new Department(type.departmentId(district), type,
                        districtName.zh() + type.nameZh(), shortEn + " " + type.nameEn(), district));
            }
        }
        for (Street street : grids.streets()) {
            departments.add(new Department(DepartmentType.STREET_OFFICE.departmentId(street.code()), DepartmentType.STREET_OFFICE,
                    street.name().zh() + "办事处", street.name().en() + " Office", street.code()));
        }
        for (Community community : grids.communities()) {
            departments.add(new Department(DepartmentType.COMMUNITY_COMMITTEE.departmentId(community.code()),
                    DepartmentType.COMMUNITY_COMMITTEE, community.name().zh() + "居民委员会",
                    community.name().en() + " Residents' Committee", community.code()));
        }
        return departments;
    }

    private static List<Worker> workers(GridHierarchy grids, Random random) {
        List<Worker> workers = new ArrayList<>();
        for (Community community : grids.communities()) {
            List<UnitGrid> members = grids.gridsOf(community.code());
            String committee = DepartmentType.COMMUNITY_COMMITTEE.departmentId(community.code());
            int number = 1;
            // a grid worker patrols three to six neighbouring grids
            for (int from = 0; from < members.size(); number++) {
                int to = Math.min(members.size(), from + 3 + random.nextInt(4));
                workers.add(new Worker(String.format("GW-%s-%02d", community.code(), number), personName(random),
                        Role.GRID_WORKER, committee, members.subList(from, to).stream().map(UnitGrid::code).toList()));
                from = to;
            }
        }
        for (DepartmentType type : DepartmentType.values()) {
            if (!type.isTerritorial()) {
                handlers(workers, type.departmentId(grids.district().code()), 2 + random.nextInt(4), random);
            }
        }
        for (Street street : grids.streets()) {
            handlers(workers, DepartmentType.STREET_OFFICE.departmentId(street.code()), 2, random);
        }
        String centre = DepartmentType.URBAN_MANAGEMENT.departmentId(grids.district().code());
        int operator = 1;
        for (Role role : List.of(Role.ACCEPTOR, Role.ACCEPTOR, Role.ACCEPTOR, Role.ACCEPTOR,
                Role.DISPATCHER, Role.DISPATCHER, Role.DISPATCHER,
                Role.SHIFT_LEADER, Role.SHIFT_LEADER, Role.LEADER)) {
            workers.add(new Worker(String.format("OP-%02d", operator++), personName(random), role, centre, List.of()));
        }
        return workers;
    }

    private static void handlers(List<Worker> workers, String departmentId, int count, Random random) {
        for (int i = 1; i <= count; i++) {
            workers.add(new Worker(String.format("H-%s-%02d", departmentId, i), personName(random),
                    Role.HANDLER, departmentId, List.of()));
        }
    }

    private static String personName(Random random) {
        String surnames = DongchengGazetteer.SURNAMES, given = DongchengGazetteer.GIVEN;
        StringBuilder name = new StringBuilder().append(surnames.charAt(random.nextInt(surnames.length())));
        int length = random.nextInt(3) == 0 ? 1 : 2;
        for (int i = 0; i < length; i++) {
            name.append(given.charAt(random.nextInt(given.length())));
        }
        return name.toString();
    }

    /** Weights of sensor types: manholes, bins and lamps are everywhere, smoke and noise less so. */
    private static final List<SensorType> SENSOR_MIX = List.of(
            SensorType.MANHOLE_TILT, SensorType.MANHOLE_TILT, SensorType.MANHOLE_TILT,
            SensorType.BIN_FILL, SensorType.BIN_FILL, SensorType.STREET_LAMP, SensorType.STREET_LAMP,
            SensorType.WATER_LEVEL, SensorType.SMOKE, SensorType.NOISE);

    private static List<Sensor> sensors(GridHierarchy grids, Random random) {
        List<Sensor> sensors = new ArrayList<>();
        for (UnitGrid grid : grids.grids()) {
            // 0, 1, 2 or 3 sensors with falling odds: about 1.1 per grid
            double draw = random.nextDouble();
            int count = draw < 0.3 ? 0 : draw < 0.7 ? 1 : draw < 0.9 ? 2 : 3;
            IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(grid.geometry());
            Envelope box = grid.geometry().getEnvelopeInternal();
            for (int i = 1; i <= count; i++) {
                SensorType type = SENSOR_MIX.get(random.nextInt(SENSOR_MIX.size()));
                Coordinate at;
                do {
                    at = new Coordinate(round(box.getMinX() + random.nextDouble() * box.getWidth()),
                            round(box.getMinY() + random.nextDouble() * box.getHeight()));
                } while (locator.locate(at) != Location.INTERIOR);
                sensors.add(new Sensor(type.id() + "-" + grid.code() + "-" + i, type, grid.code(), new GeoPoint(at.x, at.y)));
            }
        }
        return sensors;
    }
}
