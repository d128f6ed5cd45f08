package org.citygrid.model.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.citygrid.model.geo.GeoPoint;
import org.citygrid.model.grid.LocalMetricFrame;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The components near a point, for a report that should name the component it is about: a JTS
 * {@code STRtree} of the components' positions in metres of a local frame around the district, so a
 * radius is true metres on the ground. Immutable once built and safe to share between threads.
 */
public final class ComponentIndex {

    /** A component and how far it stands from the point asked about. */
    public record Nearby(Component component, double distanceMetres) {
    }

    private final STRtree tree = new STRtree();
    private final LocalMetricFrame frame;
    private final int size;

    private ComponentIndex(List<Component> components) {
        double lon = components.stream().mapToDouble(c -> c.position().lon()).average().orElse(116.4);
        double lat = components.stream().mapToDouble(c -> c.position().lat()).average().orElse(39.9);
        this.frame = LocalMetricFrame.at(lon, lat);
        for (Component c : components) {
            Coordinate xy = frame.toMetres(c.position().lon(), c.position().lat());
            tree.insert(new Envelope(xy), new Entry(c, xy));
        }
        tree.build();
        this.size = components.size();
    }

    private record Entry(Component component, Coordinate metres) {
    }

    public static ComponentIndex of(ComponentRegister register) {
        return new ComponentIndex(register.components());
    }

    public static ComponentIndex of(List<Component> components) {
        return new ComponentIndex(List.copyOf(components));
    }

    /**
     * The components within {@code radiusMetres} of {@code point}, nearest first (the smaller code
     * first among equally near ones).
     *
     * @throws IllegalArgumentException for a radius that is negative or not finite
     */
    public List<Nearby> near(GeoPoint point, double radiusMetres) {
        return near(point, radiusMetres, null);
    }

    /** As {@link #near(GeoPoint, double)}, only components of {@code categoryCode} (e.g. {@code C0101}); any when {@code null}. */
    public List<Nearby> near(GeoPoint point, double radiusMetres, String categoryCode) {
        Objects.requireNonNull(point, "point");
        if (!(radiusMetres >= 0) || Double.isInfinite(radiusMetres)) {
            throw new IllegalArgumentException("a radius is finite and not negative, not " + radiusMetres);
        }
        Coordinate at = frame.toMetres(point.lon(), point.lat());
        Envelope search = new Envelope(at);
        search.expandBy(radiusMetres);
        List<Nearby> found = new ArrayList<>();
        for (Object o : tree.query(search)) {
            Entry e = (Entry) o;
            double d = e.metres().distance(at);
            if (d <= radiusMetres && (categoryCode == null || e.component().categoryCode().equals(categoryCode))) {
                found.add(new Nearby(e.component(), d));
            }
        }
        found.sort(Comparator.comparingDouble(Nearby::distanceMetres).thenComparing(n -> n.component().code()));
        return found;
    }

    public int size() {
        return size;
    }
}
