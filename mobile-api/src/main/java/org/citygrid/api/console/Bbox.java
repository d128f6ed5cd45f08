package org.citygrid.api.console;

import org.citygrid.api.problem.ProblemException;

/**
 * A WGS 84 viewport, {@code minLon,minLat,maxLon,maxLat} as in OGC API and the map's getBounds().
 * Refused with 422 when it is not four numbers of a real box, so no query runs on a nonsense area.
 */
record Bbox(double minLon, double minLat, double maxLon, double maxLat) {

    static Bbox parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw ProblemException.invalidField("bbox", "four numbers minLon,minLat,maxLon,maxLat");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalidField("bbox", "not a number: " + parts[i].strip());
            }
            if (!Double.isFinite(v[i])) {
                throw ProblemException.invalidField("bbox", "not a finite number: " + parts[i].strip());
            }
        }
        if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 || v[0] > v[2] || v[1] > v[3]) {
            throw ProblemException.invalidField("bbox", "not a WGS 84 box with min before max");
        }
        return new Bbox(v[0], v[1], v[2], v[3]);
    }
}
