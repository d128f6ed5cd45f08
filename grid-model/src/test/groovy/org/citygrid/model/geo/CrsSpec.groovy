package org.citygrid.model.geo

import org.citygrid.model.wire.WireJson

import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.databind.exc.ValueInstantiationException
import spock.lang.Specification

class CrsSpec extends Specification {

    def "'#name' is understood as #expected"() {
        expect:
        Crs.parse(name) == expected

        where:
        name                                           || expected
        'wgs84'                                        || Crs.WGS84
        'WGS84'                                        || Crs.WGS84
        ' WGS-84 '                                     || Crs.WGS84
        'wgs_84'                                       || Crs.WGS84
        'EPSG:4326'                                    || Crs.WGS84
        'epsg:4326'                                    || Crs.WGS84
        'CRS84'                                        || Crs.WGS84
        'OGC:CRS84'                                    || Crs.WGS84
        'http://www.opengis.net/def/crs/OGC/1.3/CRS84' || Crs.WGS84
        'urn:ogc:def:crs:EPSG::4326'                   || Crs.WGS84
        'wgs84ll'                                      || Crs.WGS84
        'gps'                                          || Crs.WGS84
        'gcj02'                                        || Crs.GCJ02
        'GCJ-02'                                       || Crs.GCJ02
        'gcj02ll'                                      || Crs.GCJ02
        'amap'                                         || Crs.GCJ02
        'autonavi'                                     || Crs.GCJ02
        'bd09'                                         || Crs.BD09
        'BD-09'                                        || Crs.BD09
        'bd09ll'                                       || Crs.BD09
        'baidu'                                        || Crs.BD09
    }

    def "an unknown name #name is refused with a message saying what is accepted"() {
        when:
        Crs.parse(name)

        then:
        def e = thrown(UnknownCrsException)
        e.message.contains(shown)
        e.message.contains(advice)
        e.name() == name

        where:
        name         || shown           | advice
        'EPSG:3857'  || "'EPSG:3857'"   | 'use one of wgs84 (EPSG:4326), gcj02 or bd09'
        'wgs'        || "'wgs'"         | 'use one of wgs84'
        'bd09mc'     || "'bd09mc'"      | 'Baidu Mercator (bd09mc) is in metres and not supported'
        ''           || "''"            | 'a coordinate system name is required'
        null         || 'null'          | 'a coordinate system name is required'
    }

    def "the OGC URI keeps its version: 1.3 is not 13"() {
        when:
        Crs.parse('http://www.opengis.net/def/crs/OGC/13/CRS84')

        then:
        thrown(UnknownCrsException)
    }

    def "on the wire a crs is its lower-case name and is read leniently"() {
        given:
        def json = WireJson.mapper()

        expect:
        json.writeValueAsString(Crs.GCJ02) == '"gcj02"'
        json.readValue('"BD09LL"', Crs) == Crs.BD09
    }

    def "an unknown crs on the wire fails with the same message"() {
        when:
        WireJson.mapper().readValue('"mercator"', Crs)

        then:
        def e = thrown(ValueInstantiationException)
        e.cause instanceof UnknownCrsException
        e.cause.message.contains("'mercator'")
    }
}
