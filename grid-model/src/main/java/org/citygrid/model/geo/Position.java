package org.citygrid.model.geo;

import java.util.Objects;

/**
 * A longitude/latitude pair in decimal degrees, together with the coordinate system it is
 * expressed in. Immutable.
 *
 * <p>The fields are named, so the axis order question of EPSG:4326 does not arise: {@code lon} is
 * always east-west and {@code lat} always north-south.
 *
 * @param lon longitude in degrees, in {@code [-180, 180]}
 * @param lat latitude in degrees, in {@code [-90, 90]}
 * @param crs the coordinate system of {@code lon} and {@code lat}
 */
public record Position(double lon, double lat, Crs crs) {

    /** Mean Earth radius (IUGG R1) in metres, used by {@link #distanceMetres(Position)}. */
    static final double MEAN_EARTH_RADIUS_METRES = 6_371_008.8;

    /**
     * @throws IllegalArgumentException if a coordinate is not finite or out of range
     * @throws NullPointerException     if {@code crs} is null
     */
    public Position {
        Objects.requireNonNull(crs, "crs");
        if (!Double.isFinite(lon) || lon < -180.0 || lon > 180.0) {
            throw new IllegalArgumentException("longitude " + lon + " is outside [-180, 180]");
        }
        if (!Double.isFinite(lat) || lat < -90.0 || lat > 90.0) {
            throw new IllegalArgumentException("latitude " + lat + " is outside [-90, 90]");
        }
    }

    /** A WGS 84 position. */
    public static Position wgs84(double lon, double lat) {
        return new Position(lon, lat, Crs.WGS84);
    }

    /** A GCJ-02 position, as AMap or Tencent deliver it. */
    public static Position gcj02(double lon, double lat) {
        return new Position(lon, lat, Crs.GCJ02);
    }

    /** A BD-09 position, as Baidu delivers it ({@code bd09ll}). */
    public static Position bd09(double lon, double lat) {
        return new Position(lon, lat, Crs.BD09);
    }

    /**
     * This position expressed in {@code target}; {@code this} when it already is. See
     * {@link ChinaCrsTransforms} for the formulas used and their accuracy.
     */
    public Position to(Crs target) {
        return ChinaCrsTransforms.transform(this, target);
    }

    /** Shorthand for {@code to(Crs.WGS84)}, the form CityGrid stores. */
    public Position toWgs84() {
        return to(Crs.WGS84);
    }

    /** This position in WGS 84, as the point type the rest of CityGrid works with. */
    public GeoPoint toGeoPoint() {
        Position wgs84 = toWgs84();
        return new GeoPoint(wgs84.lon(), wgs84.lat());
    }

    /**
     * The great-circle distance to {@code other} on a sphere of mean Earth radius (haversine).
     * Within a few hundred kilometres its error against the WGS 84 ellipsoid is below 0.5 %, ample
     * for comparing nearby positions.
     *
     * @throws IllegalArgumentException if {@code other} is in another coordinate system: the
     *                                  offsets between them are hundreds of metres, so such a
     *                                  distance would be meaningless
     */
    public double distanceMetres(Position other) {
        if (other.crs != crs) {
            throw new IllegalArgumentException(
                    "cannot measure from " + crs.wireName() + " to " + other.crs.wireName() + "; convert first");
        }
        double phi1 = Math.toRadians(lat);
        double phi2 = Math.toRadians(other.lat);
        double sinHalfDPhi = Math.sin((phi2 - phi1) / 2);
        double sinHalfDLambda = Math.sin(Math.toRadians(other.lon - lon) / 2);
        double h = sinHalfDPhi * sinHalfDPhi + Math.cos(phi1) * Math.cos(phi2) * sinHalfDLambda * sinHalfDLambda;
        return 2 * MEAN_EARTH_RADIUS_METRES * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
