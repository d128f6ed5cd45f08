package org.citygrid.api.ogcapi

import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.lang.Shared
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * GDAL, as QGIS uses it, reads the map services over real HTTP: the OGC API through its OAPIF driver
 * and a vector tile through its MVT driver. Needs Debian's gdal-bin (./gridcity installs it for the
 * tests); without it this spec fails rather than skips, so a missing GDAL is never a green build.
 */
@MicronautTest
class GdalSpec extends MapSpec {

    @Inject
    EmbeddedServer server

    @Shared
    String key

    @TempDir
    Path dir

    def setup() {
        key = key ?: mapKey()
    }

    def "ogrinfo's OAPIF driver lists the three layers with their feature counts, the key in a header"() {
        when:
        def out = ogrinfo('-ro', '-al', '-so', "OAPIF:${server.URL}/ogcapi", '--config', 'GDAL_HTTP_HEADERS',
                "X-API-Key: $key")

        then:
        layers(out) == [grids: 3, cases: 5, sensors: 2]
        out.contains('Geometry: Multi Polygon')
        out.contains('Geometry: Point')
    }

    def "ogrinfo pages through a layer with a small page size, the key in the URL"() {
        when: 'two features a page: GDAL must follow next links, which carry the key'
        def out = ogrinfo('-ro', '-al', '-oo', 'PAGE_SIZE=2', "OAPIF:${server.URL}/ogcapi/collections/cases?key=$key")

        then:
        MapData.CASES.keySet().every { out.contains(it) }
        out.findAll(/OGRFeature\(cases\):/).size() == 5
    }

    def "ogrinfo forwards a spatial filter as bbox"() {
        when:
        def out = ogrinfo('-ro', '-al', '-so', '-spat', '116.40', '39.90', '116.41', '39.91',
                "OAPIF:${server.URL}/ogcapi", 'cases', '--config', 'GDAL_HTTP_HEADERS', "X-API-Key: $key")

        then:
        layers(out) == [cases: 2]
    }

    def "ogrinfo's MVT driver reads a tile of #layer with its features and attributes"() {
        given:
        def (z, x, y) = MapData.tileOf(116.405d, 39.905d, 14)
        def tile = fetch("/tiles/$layer/$z/$x/${y}.mvt", key)
        Path file = dir.resolve("${layer}.mvt")
        Files.write(file, tile.bytes)

        when:
        def out = ogrinfo('-ro', '-al', '-oo', "Z=$z", '-oo', "X=$x", '-oo', "Y=$y", file.toString())

        then:
        tile.status == 200
        out.contains("Layer name: $layer")
        out.findAll(/OGRFeature\($layer\):/).size() == count
        attributes.every { out.contains(it) }

        where:
        layer     | count | attributes
        'cases'   | 2     | ['110101001001001-260301-00000001', '110101001001001-260302-00000002', 'DISPATCHED']
        // the tile spans lon 116.389..116.411: all of G1, the west edge of G2, none of G3
        'grids'   | 2     | ['110101001001001', '110101001001002', 'Duofuxiang']
        'sensors' | 1     | ['tilt-0001', 'manhole-tilt']
    }

    /** Runs ogrinfo and returns what it printed; fails with its output when it fails. */
    private static String ogrinfo(String... args) {
        def process = new ProcessBuilder(['ogrinfo'] + args.toList()).redirectErrorStream(true).start()
        String out = process.inputStream.text
        assert process.waitFor(60, TimeUnit.SECONDS)
        assert process.exitValue() == 0: "ogrinfo ${args.join(' ')} failed:\n$out"
        out
    }

    /** Layer name -> feature count from ogrinfo's summary. */
    private static Map<String, Integer> layers(String out) {
        Map<String, Integer> counts = [:]
        String current = null
        out.eachLine { line ->
            if (line.startsWith('Layer name: ')) {
                current = line.substring('Layer name: '.length()).trim()
            } else if (line.startsWith('Feature Count: ') && current != null) {
                counts[current] = line.substring('Feature Count: '.length()).trim() as int
            }
        }
        counts
    }
}
