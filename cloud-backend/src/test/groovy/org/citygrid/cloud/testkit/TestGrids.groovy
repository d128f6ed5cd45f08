package org.citygrid.cloud.testkit

import org.citygrid.cloud.geocode.GridLocator
import org.citygrid.model.geo.GeoPoint

/**
 * Three hand-made unit grids in two communities of Dongcheng, as rectangles: enough to place
 * reports, to put two reports a few metres apart into different communities, and to be outside.
 *
 *   community 110101001001: grids ...001001 [116.400..116.402] and ...001002 [116.402..116.404]
 *   community 110101001002: grid  ...002001 [116.404..116.406]
 *   all between latitudes 39.910 and 39.912
 */
class TestGrids implements GridLocator {

    static final String A1 = '110101001001001'
    static final String A2 = '110101001001002'
    static final String B1 = '110101001002001'

    /** In A1, well inside. */
    static final GeoPoint HERE = new GeoPoint(116.4010, 39.9110)

    private static final Map<String, List<Double>> BOXES = [
            (A1): [116.400d, 39.910d, 116.402d, 39.912d],
            (A2): [116.402d, 39.910d, 116.404d, 39.912d],
            (B1): [116.404d, 39.910d, 116.406d, 39.912d]]

    /** A point {@code metres} east of {@code from}. */
    static GeoPoint east(GeoPoint from, double metres) {
        new GeoPoint(from.lon() + metres / (111_320d * Math.cos(Math.toRadians(from.lat()))), from.lat())
    }

    @Override
    Placement place(GeoPoint p) {
        def hit = BOXES.find { code, b -> p.lon() >= b[0] && p.lon() < b[2] && p.lat() >= b[1] && p.lat() < b[3] }
        if (hit) {
            return new GridLocator.InGrid(hit.key)
        }
        double dLon = Math.max(0, Math.max(116.400d - p.lon(), p.lon() - 116.406d)) * 111_320d * Math.cos(Math.toRadians(39.911d))
        double dLat = Math.max(0, Math.max(39.910d - p.lat(), p.lat() - 39.912d)) * 110_574d
        new GridLocator.Outside(Math.hypot(dLon, dLat))
    }
}
