package org.citygrid.api.map;

import org.citygrid.api.errors.Invalid;
import org.citygrid.api.errors.Malformed;

/**
 * A WGS 84 (CRS84) box, lower-left and upper-right corner: {@code minLon,minLat,maxLon,maxLat}, or
 * six numbers with heights, which are ignored because the read model is 2D. A box crossing the
 * antimeridian (minLon greater than maxLon) is part of OGC API's bbox (Part 1, 7.15.3: the OGC
 * conformance suite asks for one), so {@link #ofQuery} takes it and the feature store splits it in
 * two at ±180°; the console's map never draws one, so {@link #ofField} refuses it.
 *
 * <p>One grammar, two documented answers to a bad box: OGC API Features answers a bad query
 * parameter with 400 as its standard requires ({@link #ofQuery}); the console's map, like every
 * field of {@code /api/v1}, answers 422 {@code invalid-field} ({@link #ofField}).
 */
public record Bbox(double minLon, double minLat, double maxLon, double maxLat) {

    /** OGC API's {@code bbox} parameter, null when absent; 400 {@code invalid-bbox} when unreadable. */
    public static Bbox ofQuery(String text) {
        try {
            return parse(text, true);
        } catch (IllegalArgumentException e) {
            throw Malformed.request("invalid-bbox", "bbox=" + text + ": " + e.getMessage());
        }
    }

    /** The console map's {@code bbox} field, null when absent; 422 {@code invalid-field} when unreadable. */
    public static Bbox ofField(String text) {
        try {
            return parse(text, false);
        } catch (IllegalArgumentException e) {
            throw Invalid.field("bbox", e.getMessage());
        }
    }

    /** Whether the box runs east from minLon across ±180° to maxLon (OGC API's way of writing such a box). */
    public boolean crossesAntimeridian() {
        return minLon > maxLon;
    }

    /** @throws IllegalArgumentException saying what is wrong with {@code text} */
    static Bbox parse(String text, boolean antimeridianAllowed) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw new IllegalArgumentException("four numbers (minLon,minLat,maxLon,maxLat) or six with heights");
        }
        double[] n = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                n[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(n[i])) {
                throw new IllegalArgumentException("'" + parts[i] + "' is not a finite number");
            }
        }
        int half = parts.length / 2;
        Bbox box = new Bbox(n[0], n[1], n[half], n[half + 1]);
        if (box.minLon < -180 || box.maxLon > 180 || box.minLat < -90 || box.maxLat > 90) {
            throw new IllegalArgumentException("longitudes are -180..180 and latitudes -90..90 (CRS84)");
        }
        if (box.minLat > box.maxLat || (box.crossesAntimeridian() && !antimeridianAllowed)) {
            throw new IllegalArgumentException("the lower-left corner must come first");
        }
        return box;
    }
}
