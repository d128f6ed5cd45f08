package org.citygrid.model.grid

import org.citygrid.model.testkit.*

import static org.citygrid.model.testkit.GridFixtures.*

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.nio.charset.StandardCharsets
import java.nio.file.Path
import org.locationtech.jts.algorithm.Orientation
import org.locationtech.jts.geom.MultiPolygon
import spock.lang.Specification
import spock.lang.TempDir

class GridGeoJsonSpec extends Specification {

    GridGeoJson geoJson = new GridGeoJson()

    @TempDir
    Path dir

    static Map feature(Map overrides = [:]) {
        [type      : 'Feature',
         geometry  : [type: 'Polygon', coordinates: [[[116.40, 39.90], [116.401, 39.90], [116.401, 39.901], [116.40, 39.901], [116.40, 39.90]]]],
         properties: [code         : '110101001001001', name: '1号网格', nameEn: 'Grid 1',
                      streetCode   : '110101001', streetName: '东华门街道', streetNameEn: 'Donghuamen Subdistrict',
                      communityCode: '110101001001', communityName: '多福巷社区']] + overrides
    }

    static String collection(List features, Map extra = [district: [code: '110101', name: '东城区', nameEn: 'Dongcheng District']]) {
        JsonOutput.toJson([type: 'FeatureCollection'] + extra + [features: features])
    }

    GridHierarchy read(String json) {
        geoJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
    }

    def "loads grids with their street, community and district"() {
        when:
        GridHierarchy hierarchy = read(collection([feature()]))

        then:
        hierarchy.district() == new District('110101', new AreaName('东城区', 'Dongcheng District'))
        hierarchy.streets() == [new Street('110101001', new AreaName('东华门街道', 'Donghuamen Subdistrict'))]
        hierarchy.communitiesOf('110101001') == [new Community('110101001001', AreaName.zh('多福巷社区'))]
        with(hierarchy.grids()[0]) {
            code().value() == '110101001001001'
            name() == new AreaName('1号网格', 'Grid 1')
            geometry().getCoordinates().length == 5
            geometry().getCoordinates()[1].x == 116.401d
        }
    }

    def "loads a MultiPolygon grid"() {
        given:
        def multi = [type: 'MultiPolygon', coordinates: [
                [[[116.40, 39.90], [116.401, 39.90], [116.401, 39.901], [116.40, 39.90]]],
                [[[116.402, 39.90], [116.403, 39.90], [116.403, 39.901], [116.402, 39.90]]]]]

        when:
        def grid = read(collection([feature(geometry: multi)])).grids()[0]

        then:
        grid.geometry() instanceof MultiPolygon
        grid.geometry().numGeometries == 2
    }

    def "without a district member the district is named by the grids' county code"() {
        expect:
        read(collection([feature()], [:])).district() == new District('110101', AreaName.zh('110101'))
    }

    def "what it writes it reads back unchanged, shells counter-clockwise as RFC 7946 asks"() {
        given: 'a grid drawn clockwise'
        def clockwise = grid(code(1), 'POLYGON((0 0, 0 100, 100 100, 100 0, 0 0))')
        def hierarchy = GridHierarchy.of(new District('110101', new AreaName('东城区', 'Dongcheng District')),
                [cell(code(2), 1, 0), clockwise])
        Path file = dir.resolve('grids.geojson')

        when:
        geoJson.write(hierarchy, file)
        def back = geoJson.read(file)
        def json = new JsonSlurper().parse(file.toFile())

        then:
        back.district() == hierarchy.district()
        back.grids()*.code() == hierarchy.grids()*.code()
        back.grids()*.name() == hierarchy.grids()*.name()
        back.grids()*.street() == hierarchy.grids()*.street()
        back.grids()*.community() == hierarchy.grids()*.community()
        [back.grids(), hierarchy.grids()].transpose().every { a, b -> a.geometry().equalsTopo(b.geometry()) }
        json.features.every { Orientation.isCCW(GridFixtures.FACTORY.createLinearRing(
                it.geometry.coordinates[0].collect { p -> new org.locationtech.jts.geom.Coordinate(p[0], p[1]) } as org.locationtech.jts.geom.Coordinate[]).coordinates) }
    }

    def "a self-intersecting polygon loads: it is the validator's to report"() {
        given:
        def bowtie = [type: 'Polygon', coordinates: [[[116.40, 39.90], [116.401, 39.901], [116.401, 39.90], [116.40, 39.901], [116.40, 39.90]]]]

        expect:
        !read(collection([feature(geometry: bowtie)])).grids()[0].geometry().isValid()
    }

    def "malformed input is refused naming the feature: #problem"() {
        given:
        def json = collection([feature(), feature(bad)])

        when:
        read(json)

        then:
        GridDataFormatException e = thrown()
        e.message.startsWith(prefix)
        e.message.contains(detail)
        e.featureIndex().asInt == 1

        where:
        problem                  | bad                                                                                      | prefix                                 | detail
        'no geometry'            | [geometry: null]                                                                         | 'feature #1 (code 110101001001001)'    | 'has no geometry'
        'a point, not an area'   | [geometry: [type: 'Point', coordinates: [116.4, 39.9]]]                                  | 'feature #1 (code 110101001001001)'    | 'Polygon or MultiPolygon, not Point'
        'an unclosed ring'       | [geometry: [type: 'Polygon', coordinates: [[[116.4, 39.9], [116.5, 39.9], [116.5, 40.0], [116.4, 40.0]]]]] | 'feature #1' | 'ring 0 is not closed'
        'a ring of three points' | [geometry: [type: 'Polygon', coordinates: [[[116.4, 39.9], [116.5, 39.9], [116.4, 39.9]]]]] | 'feature #1'                       | 'at least 4 positions'
        'latitude first'         | [geometry: [type: 'Polygon', coordinates: [[[39.9, 116.4], [39.9, 116.5], [40.0, 116.5], [39.9, 116.4]]]]] | 'feature #1' | 'out of range (longitude first)'
        'text for a number'      | [geometry: [type: 'Polygon', coordinates: [[['116.4', 39.9], [116.5, 39.9], [116.5, 40.0], [116.4, 39.9]]]]] | 'feature #1' | 'must be [longitude, latitude]'
        'a bad grid code'        | [properties: feature().properties + [code: '11010100100100X']]                           | 'feature #1 (code 11010100100100X)'    | 'digits only'
        'no community code'      | [properties: feature().properties.findAll { it.key != 'communityCode' }]                 | 'feature #1'                           | 'property "communityCode" is missing'
        'no properties'          | [properties: null]                                                                       | 'feature #1:'                          | 'has no "properties" object'
        'not a Feature'          | [type: 'Point']                                                                          | 'feature #1:'                          | '"type": "Feature"'
    }

    def "input that is not a FeatureCollection is refused: #problem"() {
        when:
        read(json)

        then:
        GridDataFormatException e = thrown()
        e.message.contains(detail)

        where:
        problem             | json                                            | detail
        'not JSON'          | '{"type": "FeatureCollection", '                | 'not valid JSON'
        'a bare Feature'    | JsonOutput.toJson(feature())                    | '"type": "FeatureCollection"'
        'no features array' | '{"type": "FeatureCollection"}'                 | 'no "features" array'
        'two counties'      | collection([feature(), feature(properties: feature().properties + [code: '110102001001001'])], [:]) | 'one county code'
    }
}
