package org.citygrid.model.grid

import org.citygrid.model.testkit.*

import spock.lang.Specification

class LocalMetricFrameSpec extends Specification {

    // Reference values: the WGS 84 prime-vertical and meridian radii at each latitude (a = 6,378,137 m,
    // e² = 0.00669438), times π/180; at the equator a degree of longitude is exactly a·π/180.
    def "a degree at latitude #lat is #lonMetres m of longitude and #latMetres m of latitude on the WGS 84 ellipsoid"() {
        given:
        LocalMetricFrame frame = LocalMetricFrame.at(116.4, lat)

        expect:
        Math.abs(frame.metresPerDegreeLon() - lonMetres) < 1
        Math.abs(frame.metresPerDegreeLat() - latMetres) < 1

        where:
        lat | lonMetres | latMetres
        0   | 111_319.5 | 110_574.3
        40  | 85_394.3  | 111_035.0
        60  | 55_800.0  | 111_412.3
    }

    def "a position 0.01° east and north of an origin at 39.9° N is 855.2 m east and 1,110.3 m north"() {
        given:
        LocalMetricFrame frame = LocalMetricFrame.at(116.40, 39.90)

        when:
        def metres = frame.toMetres(116.41, 39.91)

        then:
        Math.abs(metres.x - 855.2) < 0.05
        Math.abs(metres.y - 1110.3) < 0.05
    }

    def "positions go to metres and back unchanged"() {
        given:
        LocalMetricFrame frame = LocalMetricFrame.at(116.40, 39.90)

        when:
        def metres = frame.toMetres(lon, lat)
        def back = frame.toDegrees(metres.x, metres.y)

        then:
        Math.abs(back.x - lon) < 1e-12
        Math.abs(back.y - lat) < 1e-12

        where:
        lon      | lat
        116.41   | 39.91
        116.3712 | 39.8655
        116.40   | 39.90
    }

    def "the area of a lon/lat polygon is given in square metres"() {
        given: 'a square of 100 m drawn in metres and converted to degrees'
        def square = GridFixtures.cell(GridFixtures.code(1), 0, 0).geometry()

        expect:
        Math.abs(LocalMetricFrame.centredOn(square).areaSquareMetres(square) - 10_000) < 5
    }

    def "refuses an origin that is not a lon/lat position"() {
        when:
        LocalMetricFrame.at(lon, lat)

        then:
        thrown(IllegalArgumentException)

        where:
        lon    | lat
        116.4  | 90
        116.4  | -90
        181    | 39.9
        116.4  | Double.NaN
    }
}
