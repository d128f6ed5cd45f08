package org.citygrid.api.validation;

import org.citygrid.api.errors.Invalid;
import org.citygrid.model.geo.Crs;
import org.citygrid.model.geo.GeoPoint;
import org.citygrid.model.geo.Position;
import org.citygrid.model.geo.UnknownCrsException;

/** Client positions to WGS 84 with grid-model's conversions, and the city check, as 422 problems. */
public final class Positions {

    private Positions() {
    }

    public static GeoPoint toWgs84(String field, double lon, double lat, String crsName, CityArea city) {
        Crs crs;
        try {
            crs = crsName == null ? Crs.WGS84 : Crs.parse(crsName);
        } catch (UnknownCrsException e) {
            throw Invalid.field(field + ".crs", e.getMessage());
        }
        GeoPoint point;
        try {
            point = new Position(lon, lat, crs).toGeoPoint();
        } catch (IllegalArgumentException e) {
            throw Invalid.field(field, e.getMessage());
        }
        if (!city.contains(point)) {
            throw Invalid.field(field, "outside the managed city (" + city.describe() + " in WGS 84)");
        }
        return point;
    }
}
