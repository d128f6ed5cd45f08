package org.citygrid.api.validation;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.citygrid.model.geo.GeoPoint;

/**
 * The managed city's bounding box (WGS 84). A position outside it is refused at once with 422 rather
 * than sent to the case cycle to be rejected later where the reporter cannot see why. The exact test
 * (which unit grid) stays with the case cycle, which owns the grid index.
 */
@Singleton
public class CityArea {

    private final double minLon;
    private final double minLat;
    private final double maxLon;
    private final double maxLat;

    CityArea(@Value("${citygrid.city.bounds:115.42,39.44,117.51,41.06}") String bounds) {
        String[] p = bounds.split(",");
        if (p.length != 4) {
            throw new IllegalArgumentException("citygrid.city.bounds is minLon,minLat,maxLon,maxLat: " + bounds);
        }
        minLon = Double.parseDouble(p[0].strip());
        minLat = Double.parseDouble(p[1].strip());
        maxLon = Double.parseDouble(p[2].strip());
        maxLat = Double.parseDouble(p[3].strip());
    }

    public boolean contains(GeoPoint p) {
        return p.lon() >= minLon && p.lon() <= maxLon && p.lat() >= minLat && p.lat() <= maxLat;
    }

    public String describe() {
        return "lon " + minLon + ".." + maxLon + ", lat " + minLat + ".." + maxLat;
    }
}
