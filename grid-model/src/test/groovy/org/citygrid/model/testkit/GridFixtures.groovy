package org.citygrid.model.testkit

import org.citygrid.model.grid.*

import org.citygrid.model.geo.GeoPoint;
import org.locationtech.jts.geom.Coordinate
import org.locationtech.jts.geom.Geometry
import org.locationtech.jts.geom.GeometryFactory
import org.locationtech.jts.io.WKTReader

/**
 * Small hand-made grids near Beijing's Tiananmen, drawn in metres east and north of an origin so
 * that a reader can see the overlap or gap a test is about.
 */
class GridFixtures {

    static final LocalMetricFrame FRAME = LocalMetricFrame.at(116.40, 39.90)
    static final GeometryFactory FACTORY = new GeometryFactory()
    static final String STREET = '110101001'
    static final String COMMUNITY = '110101001001'

    /** A grid whose polygon is given in metres as WKT. */
    static UnitGrid grid(String code, String wktInMetres, String communityCode = null, String streetCode = null) {
        GridCode gridCode = GridCode.parse(code)
        Geometry metres = new WKTReader(FACTORY).read(wktInMetres)
        new UnitGrid(gridCode, AreaName.zh("网格" + gridCode.serial()),
                new Street(streetCode ?: gridCode.streetCode(), new AreaName('东华门街道', 'Donghuamen Subdistrict')),
                new Community(communityCode ?: gridCode.communityCode(), AreaName.zh('测试社区')),
                FRAME.toDegrees(metres))
    }

    /** A square cell of a lattice: column and row counted from the origin, 100 m a side by default. */
    static UnitGrid cell(String code, int column, int row, double side = 100) {
        double x = column * side, y = row * side
        grid(code, "POLYGON(($x $y, ${x + side} $y, ${x + side} ${y + side}, $x ${y + side}, $x $y))")
    }

    /** Grid codes of one community: serial 1, 2, ... */
    static String code(int serial, String community = COMMUNITY) {
        community + String.format('%03d', serial)
    }

    /** A lon/lat position given in metres from the origin. */
    static GeoPoint at(double east, double north) {
        Coordinate c = FRAME.toDegrees(east, north)
        new GeoPoint(c.x, c.y)
    }

    /** Great-circle distance in metres (haversine on the mean Earth radius): an independent check. */
    static double haversine(GeoPoint a, GeoPoint b) {
        double r = 6_371_008.8
        double dLat = Math.toRadians(b.lat() - a.lat()), dLon = Math.toRadians(b.lon() - a.lon())
        double h = Math.sin(dLat / 2)**2 + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.sin(dLon / 2)**2
        2 * r * Math.asin(Math.sqrt(h))
    }
}
