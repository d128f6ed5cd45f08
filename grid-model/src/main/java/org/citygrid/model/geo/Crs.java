package org.citygrid.model.geo;


import java.util.Locale;
import java.util.Map;

/**
 * The geographic coordinate systems CityGrid accepts on a position.
 *
 * <p>All three are longitude/latitude in decimal degrees. Only {@link #WGS84} is a real geodetic
 * datum; {@link #GCJ02} and {@link #BD09} are deliberate, non-linear offsets of it required for
 * maps published in mainland China. Inside CityGrid every position is WGS 84; the others exist so
 * that the API can take what a phone map delivers and convert it on the way in.
 *
 * <p>The wire name ({@link #wireName()}) is lower case ({@code "wgs84"}, {@code "gcj02"},
 * {@code "bd09"}); {@link #parse(String)} is lenient about what clients actually send.
 */
public enum Crs {

    /** WGS 84 (EPSG:4326 with longitude first, i.e. OGC CRS84): GPS, OpenStreetMap, CityGrid inside. */
    WGS84("wgs84"),

    /** GCJ-02, the "Mars" coordinates of the national surveying bureau: AMap (Gaode), Tencent, Google China. */
    GCJ02("gcj02"),

    /** BD-09 longitude/latitude ({@code bd09ll}), Baidu's further offset of GCJ-02. Not Baidu Mercator. */
    BD09("bd09");

    /*
     * Keys are normalised (lower case, without '-', '_', ' ' and '.') so that "WGS-84",
     * "wgs_84" and "WGS84" are one key. The names are those seen in the wild: EPSG/OGC identifiers,
     * the coordtype values of the Baidu and Tencent APIs (wgs84ll, gcj02ll, bd09ll) and the names
     * map vendors use for their own systems.
     */
    private static final Map<String, Crs> ALIASES = Map.ofEntries(
            Map.entry("wgs84", WGS84),
            Map.entry("wgs1984", WGS84),
            Map.entry("wgs84ll", WGS84),
            Map.entry("epsg:4326", WGS84),
            Map.entry("4326", WGS84),
            Map.entry("crs84", WGS84),
            Map.entry("ogc:crs84", WGS84),
            Map.entry("urn:ogc:def:crs:ogc:1:3:crs84", WGS84),
            Map.entry("urn:ogc:def:crs:epsg::4326", WGS84),
            Map.entry("http://www:opengis:net/def/crs/ogc/1:3/crs84", WGS84),
            Map.entry("http://www:opengis:net/def/crs/epsg/0/4326", WGS84),
            Map.entry("gps", WGS84),
            Map.entry("gcj02", GCJ02),
            Map.entry("gcj02ll", GCJ02),
            Map.entry("gcj", GCJ02),
            Map.entry("mars", GCJ02),
            Map.entry("amap", GCJ02),
            Map.entry("autonavi", GCJ02),
            Map.entry("gaode", GCJ02),
            Map.entry("tencent", GCJ02),
            Map.entry("qq", GCJ02),
            Map.entry("bd09", BD09),
            Map.entry("bd09ll", BD09),
            Map.entry("baidu", BD09));

    private final String wireName;

    Crs(String wireName) {
        this.wireName = wireName;
    }

    /** The name CityGrid writes on the wire: {@code "wgs84"}, {@code "gcj02"} or {@code "bd09"}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The coordinate system a client named, ignoring case, surrounding blanks and the separators
     * {@code - _ .} and space. Accepted, among others: {@code wgs84}, {@code WGS-84},
     * {@code EPSG:4326}, {@code CRS84} and its OGC URI, {@code gcj02}, {@code gcj-02},
     * {@code gcj02ll}, {@code amap}, {@code bd09}, {@code bd09ll}, {@code baidu}.
     *
     * @throws UnknownCrsException for a null, blank or unknown name, and for Baidu Mercator
     *                             ({@code bd09mc}), which is in metres and not supported
     */
    public static Crs parse(String name) {
        if (name == null || name.isBlank()) {
            throw new UnknownCrsException(name, "a coordinate system name is required");
        }
        String key = normalise(name);
        Crs crs = ALIASES.get(key);
        if (crs != null) {
            return crs;
        }
        if (key.equals("bd09mc") || key.equals("bdmc")) {
            throw new UnknownCrsException(name,
                    "Baidu Mercator (bd09mc) is in metres and not supported; send bd09ll longitude/latitude");
        }
        throw new UnknownCrsException(name, "use one of wgs84 (EPSG:4326), gcj02 or bd09 (bd09ll)");
    }

    private static String normalise(String name) {
        // '.' becomes ':' rather than disappearing so that "1.3" in an OGC URI stays distinct from "13"
        StringBuilder key = new StringBuilder(name.length());
        for (char c : name.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '-', '_', ' ' -> { }
                case '.' -> key.append(':');
                default -> key.append(c);
            }
        }
        return key.toString();
    }
}
