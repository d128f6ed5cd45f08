package org.citygrid.api.ogcapi

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import spock.lang.Shared

/** OGC API - Features Core over the known block of MapData: three grids, five cases, two sensors. */
@MicronautTest
class FeaturesSpec extends MapSpec {

    static final List<String> C = MapData.CASES.keySet().sort()

    @Shared
    String key

    def setup() {
        key = key ?: mapKey()
    }

    def "the landing page links to itself, the conformance classes and the collections"() {
        when:
        def r = fetch('/ogcapi', key)

        then:
        r.status == 200
        r.contentType == 'application/json'
        r.json.links*.rel.containsAll(['self', 'service-desc', 'service-doc', 'conformance', 'data'])
        r.link('data').endsWith('/ogcapi/collections')
        r.json.links.find { it.rel == 'service-desc' }.type == 'application/vnd.oai.openapi+json;version=3.0'
    }

    def "the service-desc is an OpenAPI 3.0 document of the six paths, with every query parameter /items takes"() {
        when:
        def r = fetch(fetch('/ogcapi', key).link('service-desc'), key)
        def items = r.json.paths['/collections/{collectionId}/items'].get

        then:
        r.status == 200
        r.contentType == 'application/vnd.oai.openapi+json;version=3.0'
        r.json.openapi == '3.0.3'
        r.json.servers*.url == ["http://localhost:${context.getBean(io.micronaut.runtime.server.EmbeddedServer).port}/ogcapi"]
        r.json.paths.keySet() as List == ['/', '/conformance', '/collections', '/collections/{collectionId}',
                                          '/collections/{collectionId}/items', '/collections/{collectionId}/items/{featureId}']
        items.parameters*.name == ['collectionId', 'bbox', 'datetime', 'limit', 'f', 'after']
        items.parameters[0].schema.enum == ['grids', 'cases', 'sensors']
        items.parameters.find { it.name == 'limit' }.schema == [type: 'integer', minimum: 1, maximum: 10000, default: 100]
        items.responses.keySet() as List == ['200', '400', '404', '401']
        r.json.components.securitySchemes.mapKeyHeader == [type: 'apiKey', in: 'header', name: 'X-API-Key']
    }

    def "a query parameter the service-desc does not list is refused, so the document and the server agree"() {
        expect:
        fetch('/ogcapi/collections/cases/items?sortby=id', key).json.detail ==
                "unknown query parameter 'sortby'; /items takes after, bbox, datetime, f, key, limit"
    }

    def "conformance declares Core, GeoJSON and the OpenAPI 3.0 definition"() {
        expect:
        fetch('/ogcapi/conformance', key).json.conformsTo == [
                'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
                'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
                'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30']
    }

    def "the collections are grids, cases and sensors, each with a GeoJSON items link and a vector tile template"() {
        when:
        def collections = fetch('/ogcapi/collections', key).json.collections

        then:
        collections*.id == ['grids', 'cases', 'sensors']
        collections.every { c -> c.links.any { it.rel == 'items' && it.type == 'application/geo+json' } }
        collections.every { c -> c.links.any { it.rel == 'alternate' && it.href.contains("/tiles/${c.id}/{z}/{x}/{y}.mvt") } }
        collections.every { it.extent.spatial.bbox == [[115.42, 39.44, 117.51, 41.06]] }
    }

    def "items of #collection are a GeoJSON feature collection of every row"() {
        when:
        def r = fetch("/ogcapi/collections/$collection/items", key)

        then:
        r.status == 200
        r.contentType == 'application/geo+json'
        r.json.type == 'FeatureCollection'
        r.ids == ids
        r.json.numberMatched == ids.size()
        r.json.numberReturned == ids.size()
        r.json.features[0].geometry.type == geometry
        r.link('next') == null

        where:
        collection | geometry       | ids
        'grids'    | 'MultiPolygon' | MapData.GRIDS
        'cases'    | 'Point'        | C
        'sensors'  | 'Point'        | MapData.SENSORS.keySet().sort()
    }

    def "a case feature carries its state and times but not who reported it"() {
        when:
        def feature = fetch("/ogcapi/collections/cases/items/${C[1]}", key).json

        then:
        feature.type == 'Feature'
        feature.id == C[1]
        feature.geometry == [type: 'Point', coordinates: [116.408, 39.908]]
        feature.properties.state == 'DISPATCHED'
        feature.properties.grid_code == '110101001001001'
        feature.properties.reported_at == '2026-03-02T02:00:00Z'
        !feature.properties.containsKey('reporter_id')
        !feature.properties.containsKey('followers')
        feature.links*.rel.containsAll(['self', 'alternate', 'collection'])
    }

    def "bbox #bbox on #collection selects #expected"() {
        when:
        def r = fetch("/ogcapi/collections/$collection/items?bbox=$bbox", key)

        then:
        r.status == 200
        r.ids == expected
        r.json.numberMatched == expected.size()

        where:
        collection | bbox                              | expected
        'cases'    | '116.40,39.90,116.41,39.91'       | C[0..1]
        'cases'    | '116.405,39.90,116.415,39.91'     | C[1..2]
        'cases'    | '116.40,39.90,0,116.41,39.91,100' | C[0..1]
        'cases'    | '117.0,40.0,117.1,40.1'           | []
        // west edge east of the east edge: the box crosses the antimeridian, all but 116.405..116.41
        'cases'    | '116.41,39.90,116.405,39.91'      | [C[0], *C[2..4]]
        'grids'    | '177,65,-177,70'                  | []
        'sensors'  | '116.42,39.90,116.43,39.91'       | ['tilt-0002']
        // a grid polygon meeting the box's corner counts, the exact test and not only the index's boxes
        'grids'    | '116.4195,39.9095,116.4205,39.9105' | MapData.GRIDS[1..2]
    }

    def "limit #limit pages through every case once by next links"() {
        given:
        List<String> seen = []
        List<Integer> pageSizes = []
        String url = "/ogcapi/collections/cases/items?limit=$limit"

        when:
        while (url != null) {
            def page = fetch(url, key)
            assert page.status == 200
            seen.addAll(page.ids)
            pageSizes << page.json.numberReturned
            url = page.link('next')
        }

        then:
        seen == C
        pageSizes == expectedPages

        where:
        limit | expectedPages
        2     | [2, 2, 1]
        5     | [5]
        1     | [1, 1, 1, 1, 1]
    }

    def "the next link keeps the filters, so the pages of a bbox stay in the bbox"() {
        when:
        def first = fetch('/ogcapi/collections/cases/items?bbox=116.40,39.90,116.42,39.91&limit=3', key)
        def second = fetch(first.link('next'), key)

        then:
        first.ids == C[0..2]
        first.json.numberMatched == 4
        second.ids == [C[3]]
        second.link('next') == null
        first.link('self').contains('limit=3')
    }

    def "a limit above the maximum is the maximum, as Core requires"() {
        when:
        def r = fetch('/ogcapi/collections/cases/items?limit=20000', key)

        then:
        r.status == 200
        r.link('self').contains('limit=10000')
        r.ids == C
    }

    def "datetime #datetime selects the cases reported then: #expected"() {
        when:
        def r = fetch("/ogcapi/collections/cases/items?datetime=$datetime", key)

        then:
        r.status == 200
        r.ids == expected.collect { C[it] }

        where:
        datetime                                          | expected
        '2026-03-02T02:00:00Z'                            | [1]
        '2026-03-02T10:00:00%2B08:00'                     | [1]
        '2026-03-02'                                      | [1]
        '2026-03-02T00:00:00Z/2026-03-04T02:00:00Z'       | [1, 2, 3]
        '2026-03-02/2026-03-03'                           | [1, 2]
        '../2026-03-02T02:00:00Z'                         | [0, 1]
        '2026-03-04T00:00:00Z/..'                         | [3, 4]
        '/2026-03-01T23:00:00Z'                           | [0]
        '2027-01-01T00:00:00Z/..'                         | []
    }

    def "grids have no time, so datetime leaves them all"() {
        expect:
        fetch('/ogcapi/collections/grids/items?datetime=2026-03-02', key).ids == MapData.GRIDS
    }

    def "f=json answers the same collection as application/json, with the GeoJSON as its alternate"() {
        when:
        def r = fetch('/ogcapi/collections/cases/items?f=json&limit=1', key)

        then:
        r.contentType == 'application/json'
        r.ids == [C[0]]
        r.json.links.find { it.rel == 'alternate' }.type == 'application/geo+json'
        r.link('next').contains('f=json')
    }

    def "a key given as ?key= comes back in every link, so a client following next stays signed in"() {
        when:
        def r = fetch("/ogcapi/collections/cases/items?limit=2&key=$key")

        then:
        r.status == 200
        r.json.links.every { it.href.contains("key=$key") }
        fetch(r.link('next')).status == 200
    }

    def "a key given in the header stays out of the links"() {
        expect:
        fetch('/ogcapi/collections/cases/items?limit=2', key).json.links.every { !it.href.contains('key=') }
    }

    def "#path is 404 with a problem body"() {
        when:
        def r = fetch(path, key)

        then:
        r.status == 404
        r.contentType == 'application/problem+json'
        r.json.status == 404
        r.json.detail.contains(detail)

        where:
        path                                                     | detail
        '/ogcapi/collections/roads'                              | "no collection 'roads'"
        '/ogcapi/collections/roads/items'                        | "no collection 'roads'"
        '/ogcapi/collections/cases/items/110101001001001-nope'   | "no feature '110101001001001-nope'"
        '/ogcapi/collections/grids/items/999'                    | "no feature '999'"
    }

    def "#query is 400 #type"() {
        when:
        def r = fetch("/ogcapi/collections/cases/items?$query", key)

        then:
        r.status == 400
        r.contentType == 'application/problem+json'
        r.json.type == "urn:citygrid:problem:$type"
        r.json.instance == '/ogcapi/collections/cases/items'

        where:
        query                                   | type
        'bbox=116.40,39.90,116.41'              | 'invalid-bbox'
        'bbox=116.40,39.90,abc,39.91'           | 'invalid-bbox'
        'bbox=116.40,39.91,116.41,39.90'        | 'invalid-bbox'
        'bbox=116.40,39.90,181,39.91'           | 'invalid-bbox'
        'bbox=NaN,39.90,116.41,39.91'           | 'invalid-bbox'
        'limit=0'                               | 'invalid-limit'
        'limit=-5'                              | 'invalid-limit'
        'limit=ten'                             | 'invalid-limit'
        'datetime=yesterday'                    | 'invalid-datetime'
        'datetime=2026-03-05T00:00:00Z/2026-03-01T00:00:00Z' | 'invalid-datetime'
        'datetime=../..'                        | 'invalid-datetime'
        'datetime=2026-03-01/2026-03-02/2026-03-03' | 'invalid-datetime'
        'datetime=2026-03-02T02:00:00'          | 'invalid-datetime'
        'f=html'                                | 'invalid-format'
        'state=REPORTED'                        | 'unknown-parameter'
    }
}
