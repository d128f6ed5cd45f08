package org.citygrid.api.tiles

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.ogcapi.MapData
import org.citygrid.api.ogcapi.MapSpec
import spock.lang.Shared

import java.nio.charset.StandardCharsets

/**
 * Vector tiles over the known block of MapData. What is inside a tile is read back by GDAL in
 * GdalSpec; here: the protocol (status, type, emptiness, bad coordinates).
 */
@MicronautTest
class TilesSpec extends MapSpec {

    @Shared
    String key

    def setup() {
        key = key ?: mapKey()
    }

    def "the zoom-14 tile over the block is a Mapbox vector tile with a #layer layer"() {
        given:
        def (z, x, y) = MapData.tileOf(116.405d, 39.905d, 14)

        when:
        def r = fetch("/tiles/$layer/$z/$x/${y}.mvt", key)

        then:
        r.status == 200
        r.contentType == 'application/vnd.mapbox-vector-tile'
        // a tile is a protobuf message whose field 3 (tag 0x1a) is a layer, which starts with its name
        r.bytes[0] == 0x1a as byte
        new String(r.bytes, StandardCharsets.ISO_8859_1).contains(layer)

        where:
        layer << ['grids', 'cases', 'sensors']
    }

    def "a tile where nothing is, is 204 without a body"() {
        given:
        def (z, x, y) = MapData.tileOf(-70.0d, -30.0d, 10)

        when:
        def r = fetch("/tiles/cases/$z/$x/${y}.mvt", key)

        then:
        r.status == 204
        r.bytes.length == 0
    }

    def "#tile is 400 with a problem body"() {
        when:
        def r = fetch("/tiles/cases/${tile}.mvt", key)

        then:
        r.status == 400
        r.contentType == 'application/problem+json'
        r.json.type == 'urn:citygrid:problem:invalid-tile'
        r.json.detail.startsWith(field)

        where:
        tile           | field
        '-1/0/0'       | 'z='
        '23/0/0'       | 'z='
        '1/2/0'        | 'x='
        '1/0/2'        | 'y='
        '3/-1/0'       | 'x='
        '14/16384/0'   | 'x='
        'a/0/0'        | 'z='
        '2/0/b'        | 'y='
    }

    def "an unknown layer is 404"() {
        expect:
        fetch('/tiles/roads/0/0/0.mvt', key).status == 404
    }
}
