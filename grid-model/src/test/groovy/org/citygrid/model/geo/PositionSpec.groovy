package org.citygrid.model.geo

import spock.lang.Specification

class PositionSpec extends Specification {

    def "a position with #what is refused"() {
        when:
        new Position(lon, lat, Crs.WGS84)

        then:
        def e = thrown(IllegalArgumentException)
        e.message == message

        where:
        what                    | lon                      | lat                      || message
        'longitude east of 180' | 180.000001d              | 0d                       || 'longitude 180.000001 is outside [-180, 180]'
        'longitude west of 180' | -181d                    | 0d                       || 'longitude -181.0 is outside [-180, 180]'
        'latitude above 90'     | 0d                       | 90.5d                    || 'latitude 90.5 is outside [-90, 90]'
        'latitude below -90'    | 0d                       | -91d                     || 'latitude -91.0 is outside [-90, 90]'
        'a NaN longitude'       | Double.NaN               | 0d                       || 'longitude NaN is outside [-180, 180]'
        'an infinite latitude'  | 0d                       | Double.POSITIVE_INFINITY || 'latitude Infinity is outside [-90, 90]'
    }

    def "the range limits themselves are valid"() {
        expect:
        new Position(lon, lat, Crs.WGS84).lon() == lon

        where:
        lon    | lat
        180d   | 90d
        -180d  | -90d
    }

    def "a position needs a crs"() {
        when:
        new Position(116d, 39d, null)

        then:
        thrown(NullPointerException)
    }

    def "converting to its own crs returns the same position"() {
        given:
        def p = Position.gcj02(116.404d, 39.915d)

        expect:
        p.to(Crs.GCJ02).is(p)
    }

    def "one degree of latitude is about 111.2 km"() {
        expect:
        Math.abs(Position.wgs84(116d, 39d).distanceMetres(Position.wgs84(116d, 40d)) - 111_195d) < 1d
    }

    def "distances between different coordinate systems are refused"() {
        when:
        Position.wgs84(116d, 39d).distanceMetres(Position.gcj02(116d, 39d))

        then:
        def e = thrown(IllegalArgumentException)
        e.message == 'cannot measure from wgs84 to gcj02; convert first'
    }
}
