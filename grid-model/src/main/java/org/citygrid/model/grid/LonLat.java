package org.citygrid.model.grid;

/**
 * A WGS 84 position in degrees, longitude first as in GeoJSON.
 *
 * @param lon longitude in [-180, 180]
 * @param lat latitude in [-90, 90]
 */
public record LonLat(double lon, double lat) {

    public LonLat {
        if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("not a WGS 84 lon/lat position: " + lon + ", " + lat);
        }
    }

    @Override
    public String toString() {
        return lon + "," + lat;
    }
}
