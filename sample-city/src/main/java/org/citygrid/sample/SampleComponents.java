package org.citygrid.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.citygrid.model.category.CategoryCatalogue;
import org.citygrid.model.category.SensorType;
import org.citygrid.model.component.ComponentCode;
import org.citygrid.model.geo.GeoPoint;
import org.citygrid.model.grid.GridHierarchy;
import org.citygrid.model.grid.UnitGrid;
import org.citygrid.model.inventory.Component;
import org.citygrid.model.inventory.ComponentRegister;
import org.citygrid.model.inventory.ComponentState;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;

/**
 * The sample city's component inventory (部件普查): along the edges of every grid, which the standard
 * draws along roads, street lamps, manhole covers of the utilities, litter bins and hydrants, set
 * two metres inside the grid as on a pavement; and one component under each sensor that is mounted
 * on one (a manhole-tilt sensor under a cover, a fill sensor in a bin, a lamp sensor on a lamp), at
 * the sensor's position. Owners are the catalogue's responsible departments; serials count per class
 * in grid order. The same random source gives the same register.
 */
final class SampleComponents {

    /** The day the sample survey recorded everything. */
    static final LocalDate SURVEYED = LocalDate.of(2025, 11, 20);

    private static final List<String> COVERS = List.of("C0101", "C0102", "C0103", "C0105", "C0107", "C0111");
    private static final double INSET_DEGREES = 2.0 / 111_000;

    private final GridHierarchy grids;
    private final List<Sensor> sensors;
    private final Random random;
    private final CategoryCatalogue catalogue = CategoryCatalogue.loadDefault();
    private final Map<String, Integer> serials = new HashMap<>();
    private final List<Component> components = new ArrayList<>();

    SampleComponents(GridHierarchy grids, List<Sensor> sensors, Random random) {
        this.grids = grids;
        this.sensors = sensors;
        this.random = random;
    }

    ComponentRegister register() {
        for (UnitGrid grid : grids.grids()) {
            IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(grid.geometry());
            Coordinate[] ring = grid.geometry().getCoordinates();
            Point centre = grid.geometry().getCentroid();
            // two edges per grid, so that an edge two grids share is furnished once
            placeAlong(grid, inside, centre, ring[0], ring[1], "C0118", 0.25);
            placeAlong(grid, inside, centre, ring[0], ring[1], "C0118", 0.75);
            placeAlong(grid, inside, centre, ring[0], ring[1], COVERS.get(random.nextInt(COVERS.size())), 0.5);
            if (random.nextInt(2) == 0) {
                placeAlong(grid, inside, centre, ring[0], ring[ring.length - 2], "C0305", 0.5);
            }
            if (random.nextInt(4) == 0) {
                placeAlong(grid, inside, centre, ring[0], ring[ring.length - 2], "C0113", 0.3);
            }
            if (random.nextInt(5) < 3) {
                placeAlong(grid, inside, centre, ring[0], ring[ring.length - 2], COVERS.get(random.nextInt(COVERS.size())), 0.7);
            }
        }
        for (Sensor sensor : sensors) {
            String category = mountedOn(sensor.type());
            if (category != null) {
                add(category, sensor.gridCode(), sensor.position());
            }
        }
        return new ComponentRegister(grids.district().code(), components);
    }

    /** The class of component a sensor of this type is mounted on; none for the others. */
    static String mountedOn(SensorType type) {
        return switch (type) {
            case MANHOLE_TILT -> "C0101";
            case BIN_FILL -> "C0305";
            case STREET_LAMP -> "C0118";
            default -> null;
        };
    }

    private void placeAlong(UnitGrid grid, IndexedPointInAreaLocator inside, Point centre, Coordinate from, Coordinate to,
                            String category, double t) {
        double x = from.x + (to.x - from.x) * t;
        double y = from.y + (to.y - from.y) * t;
        double dx = centre.getX() - x;
        double dy = centre.getY() - y;
        double length = Math.hypot(dx, dy);
        Coordinate at = new Coordinate(round(x + dx / length * INSET_DEGREES), round(y + dy / length * INSET_DEGREES));
        if (inside.locate(at) == Location.INTERIOR) {
            add(category, grid.code(), new GeoPoint(at.x, at.y));
        }
    }

    private void add(String category, org.citygrid.model.grid.GridCode grid, GeoPoint at) {
        int serial = serials.merge(category, 1, Integer::sum);
        ComponentCode code = new ComponentCode(grids.district().code(), Integer.parseInt(category.substring(1, 3)),
                Integer.parseInt(category.substring(3, 5)), serial);
        String owner = catalogue.byCode(category).orElseThrow().responsibleDepartment().code();
        double draw = random.nextDouble();
        ComponentState state = draw < 0.03 ? ComponentState.DAMAGED : draw < 0.04 ? ComponentState.LOST
                : draw < 0.045 ? ComponentState.OCCUPIED : ComponentState.NORMAL;
        components.add(new Component(code, at, grid, owner, null, state, SURVEYED,
                state == ComponentState.NORMAL ? null : SURVEYED.plusDays(1 + random.nextInt(60)), null));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
