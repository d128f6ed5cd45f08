package org.citygrid.model.geo;

/**
 * A WGS 84 position (EPSG:4326), longitude first as in GeoJSON. Conversions from the coordinate
 * systems of Chinese phone maps happen before a position reaches a case.
 */
public record GeoPoint(double lon, double lat) {

    public GeoPoint {
        if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("not a WGS 84 position: lon " + lon + ", lat " + lat);
        }
    }
}
