package org.citygrid.model.geo;

/**
 * Conversions between WGS 84, GCJ-02 and BD-09.
 *
 * <p>GCJ-02 is defined by an unpublished algorithm. What every open implementation uses, and what
 * this class implements, is the formula that leaked around 2010 (the "Krasovsky" formula: a fixed
 * polynomial-and-sine offset in metres, scaled to degrees on the Krasovsky 1940 ellipsoid,
 * a = 6378245 m, e² = 0.00669342162296594323). Against coordinates taken from the map services it
 * agrees to within a metre (0.65–0.69 m at the city centres the specs use); that is the real-world
 * accuracy of any GCJ-02 conversion. The figures below are accuracies relative to the formulas.
 *
 * <dl>
 * <dt>WGS 84 → GCJ-02</dt>
 * <dd>The published formula, evaluated directly: exact to the formula, up to double rounding
 *     (below 10<sup>-9</sup> m).</dd>
 * <dt>GCJ-02 → WGS 84</dt>
 * <dd>The formula has no closed inverse. The common one-step inverse (subtract the offset computed
 *     at the GCJ-02 point) is off by up to 5 m (2.8 m at Mohe, 1.9 m in Shanghai). Here the
 *     inverse is refined by fixed-point iteration until a step is below 10<sup>-11</sup>° (about 1 µm). The offset changes by at most
 *     0.0072° per degree of position (measured every 0.1° over mainland China), so each iteration
 *     gains more than two digits and at most six iterations are needed. The residual,
 *     i.e. the distance between {@code wgs84ToGcj02(gcj02ToWgs84(p))} and {@code p}, is about
 *     10<sup>-8</sup> m over mainland China (the specs check 1 mm at single points and 0.01 m
 *     over a half-degree grid).</dd>
 * <dt>GCJ-02 ↔ BD-09</dt>
 * <dd>Baidu's published pair of formulas (a 0.0065°/0.006° shift plus a small rotation and
 *     scaling). The reverse formula is itself approximate: a round trip
 *     GCJ-02 → BD-09 → GCJ-02 returns within 0.21 m over mainland China (the specs bound it at
 *     0.5 m); BD-09 → GCJ-02 differs from Baidu's service by up to 0.15 m at the specs' cities.
 *     The reverse is deliberately not refined, so that results agree with Baidu's own SDK and with
 *     every published implementation.</dd>
 * <dt>WGS 84 ↔ BD-09</dt>
 * <dd>Composed through GCJ-02, with the accuracies above.</dd>
 * </dl>
 *
 * <p><b>Out of China.</b> The GCJ-02 offset is only applied inside mainland China; elsewhere GCJ-02
 * equals WGS 84. Like most implementations, "inside" is tested with a bounding box, longitude
 * 72.004°–137.8347° and latitude 0.8293°–55.8271° ({@link #isOutsideChina}). The box is crude: it
 * also contains Mongolia, the Korean peninsula, south-western Japan, much of South-East Asia and
 * northern India, as well as Hong Kong, Macau and Taiwan, where map vendors do not all offset. A
 * position there is converted as if it were in mainland China, which for a CityGrid deployment
 * (always in a mainland city) does not matter. Near the box edges the transform is discontinuous.
 * The BD-09 formulas are applied everywhere, as Baidu's are.
 */
public final class ChinaCrsTransforms {

    private static final double KRASOVSKY_A = 6378245.0;
    private static final double KRASOVSKY_EE = 0.00669342162296594323;
    private static final double BD_X_PI = Math.PI * 3000.0 / 180.0;

    /** Iteration stops when a correction step is below this many degrees (about 1 µm). */
    private static final double INVERSE_TOLERANCE_DEGREES = 1e-11;
    /** Convergence takes at most six steps in China; the bound only guards against a pathological input. */
    private static final int INVERSE_MAX_ITERATIONS = 30;

    private ChinaCrsTransforms() {
    }

    /**
     * {@code p} expressed in {@code target}; {@code p} itself when it already is.
     */
    public static Position transform(Position p, Crs target) {
        if (p.crs() == target) {
            return p;
        }
        Position wgs84 = switch (p.crs()) {
            case WGS84 -> p;
            case GCJ02 -> gcj02ToWgs84(p.lon(), p.lat());
            case BD09 -> {
                Position gcj02 = bd09ToGcj02(p.lon(), p.lat());
                yield target == Crs.GCJ02 ? gcj02 : gcj02ToWgs84(gcj02.lon(), gcj02.lat());
            }
        };
        if (wgs84.crs() == target) {
            return wgs84;
        }
        Position gcj02 = wgs84.crs() == Crs.GCJ02 ? wgs84 : wgs84ToGcj02(wgs84.lon(), wgs84.lat());
        return switch (target) {
            case WGS84 -> throw new AssertionError("unreachable");
            case GCJ02 -> gcj02;
            case BD09 -> gcj02ToBd09(gcj02.lon(), gcj02.lat());
        };
    }

    /**
     * Whether the GCJ-02 offset is not applied at this position: outside the box
     * 72.004°–137.8347° E, 0.8293°–55.8271° N. See the class comment for how crude that is.
     */
    public static boolean isOutsideChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    /** The published forward formula; identity outside China. */
    static Position wgs84ToGcj02(double lon, double lat) {
        if (isOutsideChina(lon, lat)) {
            return Position.gcj02(lon, lat);
        }
        double[] offset = gcj02Offset(lon, lat);
        return Position.gcj02(lon + offset[0], lat + offset[1]);
    }

    /** The iterative inverse of {@link #wgs84ToGcj02}; identity outside China. */
    static Position gcj02ToWgs84(double lon, double lat) {
        if (isOutsideChina(lon, lat)) {
            return Position.wgs84(lon, lat);
        }
        // Solve f(w) = g for w, where f(w) = w + offset(w): w(n+1) = w(n) - (f(w(n)) - g).
        double wLon = lon;
        double wLat = lat;
        for (int i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
            double[] offset = gcj02Offset(wLon, wLat);
            double dLon = wLon + offset[0] - lon;
            double dLat = wLat + offset[1] - lat;
            wLon -= dLon;
            wLat -= dLat;
            if (Math.abs(dLon) < INVERSE_TOLERANCE_DEGREES && Math.abs(dLat) < INVERSE_TOLERANCE_DEGREES) {
                break;
            }
        }
        return Position.wgs84(wLon, wLat);
    }

    /** Baidu's forward formula. */
    static Position gcj02ToBd09(double lon, double lat) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * BD_X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * BD_X_PI);
        return Position.bd09(z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006);
    }

    /** Baidu's published reverse formula (approximate, see the class comment). */
    static Position bd09ToGcj02(double lon, double lat) {
        double x = lon - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BD_X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BD_X_PI);
        return Position.gcj02(z * Math.cos(theta), z * Math.sin(theta));
    }

    /** {dLon, dLat} in degrees to add to a WGS 84 position inside China. */
    private static double[] gcj02Offset(double lon, double lat) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double dLatMetres = offsetNorth(x, y);
        double dLonMetres = offsetEast(x, y);
        double radLat = Math.toRadians(lat);
        double magic = Math.sin(radLat);
        magic = 1 - KRASOVSKY_EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        double dLat = (dLatMetres * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
        double dLon = (dLonMetres * 180.0) / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLon, dLat};
    }

    private static double offsetNorth(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double offsetEast(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
