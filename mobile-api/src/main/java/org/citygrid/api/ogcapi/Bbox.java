package org.citygrid.api.ogcapi;

import org.citygrid.api.problem.ProblemException;

/**
 * The {@code bbox} parameter: lower-left and upper-right corner in CRS84 (longitude, latitude), four
 * numbers, or six with heights, which are ignored because the read model is 2D. A box crossing the
 * antimeridian (minLon greater than maxLon) is allowed by the standard but cannot meet a Chinese city,
 * so it is refused rather than silently answered empty.
 */
record Bbox(double minLon, double minLat, double maxLon, double maxLat) {

    static Bbox parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw invalid(text, "four numbers (minLon,minLat,maxLon,maxLat) or six with heights");
        }
        double[] n = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                n[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw invalid(text, "'" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(n[i])) {
                throw invalid(text, "'" + parts[i] + "' is not a finite number");
            }
        }
        int half = parts.length / 2;
        Bbox box = new Bbox(n[0], n[1], n[half], n[half + 1]);
        if (box.minLon < -180 || box.maxLon > 180 || box.minLat < -90 || box.maxLat > 90) {
            throw invalid(text, "longitudes are -180..180 and latitudes -90..90 (CRS84)");
        }
        if (box.minLat > box.maxLat || box.minLon > box.maxLon) {
            throw invalid(text, "the lower-left corner must come first");
        }
        return box;
    }

    private static ProblemException invalid(String text, String why) {
        return ProblemException.badRequest("invalid-bbox", "bbox=" + text + ": " + why);
    }
}
