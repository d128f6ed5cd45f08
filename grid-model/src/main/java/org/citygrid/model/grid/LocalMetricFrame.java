package org.citygrid.model.grid;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * A local plane in metres around an origin: the equirectangular projection, scaled to the
 * meridian and parallel radii of the WGS 84 ellipsoid at the origin's latitude.
 *
 * <p>Grids are small and a district spans a few kilometres, so this affine approximation is
 * within about 0.1&nbsp;% of geodesic lengths and areas up to 10&nbsp;km from the origin at
 * Beijing's latitude, which is ample for tolerances and plausibility checks; it is not a survey
 * projection. Being affine, it keeps valid geometries valid and maps JTS's planar answers
 * (distance, area, overlay) to metric ones.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class LocalMetricFrame {

    private static final double A = 6_378_137.0;
    private static final double E2 = 6.694_379_990_14e-3;

    private final double originLon;
    private final double originLat;
    private final double metresPerDegreeLon;
    private final double metresPerDegreeLat;
    private final AffineTransformation toMetres;
    private final AffineTransformation toDegrees;

    private LocalMetricFrame(double originLon, double originLat) {
        if (!(originLat > -90 && originLat < 90) || !(originLon >= -180 && originLon <= 180)) {
            throw new IllegalArgumentException("origin out of range: " + originLon + ", " + originLat);
        }
        this.originLon = originLon;
        this.originLat = originLat;
        double phi = Math.toRadians(originLat);
        double w = 1 - E2 * Math.sin(phi) * Math.sin(phi);
        double meridianRadius = A * (1 - E2) / Math.pow(w, 1.5);
        double primeVerticalRadius = A / Math.sqrt(w);
        this.metresPerDegreeLat = Math.toRadians(meridianRadius);
        this.metresPerDegreeLon = Math.toRadians(primeVerticalRadius * Math.cos(phi));
        this.toMetres = AffineTransformation.translationInstance(-originLon, -originLat)
                .scale(metresPerDegreeLon, metresPerDegreeLat);
        try {
            this.toDegrees = toMetres.getInverse();
        } catch (org.locationtech.jts.geom.util.NoninvertibleTransformationException e) {
            throw new AssertionError("a scaling by non-zero factors is invertible", e);
        }
    }

    /** A frame centred on a longitude and latitude in degrees. */
    public static LocalMetricFrame at(double lon, double lat) {
        return new LocalMetricFrame(lon, lat);
    }

    /** A frame centred on the centre of a geometry's envelope. */
    public static LocalMetricFrame centredOn(Geometry lonLat) {
        Coordinate c = lonLat.getEnvelopeInternal().centre();
        return new LocalMetricFrame(c.x, c.y);
    }

    public double originLon() {
        return originLon;
    }

    public double originLat() {
        return originLat;
    }

    /** Metres per degree of longitude at the origin. */
    public double metresPerDegreeLon() {
        return metresPerDegreeLon;
    }

    /** Metres per degree of latitude at the origin. */
    public double metresPerDegreeLat() {
        return metresPerDegreeLat;
    }

    /** A copy of a lon/lat geometry in metres east and north of the origin. */
    public Geometry toMetres(Geometry lonLat) {
        return toMetres.transform(lonLat);
    }

    /** A copy of a metric geometry back in lon/lat. */
    public Geometry toDegrees(Geometry metres) {
        return toDegrees.transform(metres);
    }

    /** A lon/lat position in metres east and north of the origin. */
    public Coordinate toMetres(double lon, double lat) {
        return new Coordinate((lon - originLon) * metresPerDegreeLon, (lat - originLat) * metresPerDegreeLat);
    }

    /** A metric position back in lon/lat. */
    public Coordinate toDegrees(double east, double north) {
        return new Coordinate(originLon + east / metresPerDegreeLon, originLat + north / metresPerDegreeLat);
    }

    /** The area of a lon/lat geometry in square metres. */
    public double areaSquareMetres(Geometry lonLat) {
        return lonLat.getArea() * metresPerDegreeLon * metresPerDegreeLat;
    }

    @Override
    public String toString() {
        return "LocalMetricFrame[" + originLon + ", " + originLat + "]";
    }
}
