package org.citygrid.model.geo

import spock.lang.Specification

import static org.citygrid.model.geo.Crs.BD09
import static org.citygrid.model.geo.Crs.GCJ02
import static org.citygrid.model.geo.Crs.WGS84

class ChinaCrsTransformsSpec extends Specification {

    /** 10⁻⁹° is about 0.1 mm: "the same result as the formula", allowing for floating-point order. */
    static final double SAME_AS_FORMULA_DEGREES = 1e-9

    /*
     * The published formula's own results for (116.404, 39.915), near Tiananmen, as printed in
     * wandergis/coordtransform test/app.js and asserted by hutool's CoordinateUtilTest. Their
     * gcj02towgs84 line is the crude one-step inverse, so it is not used as a reference here.
     */
    def "#from -> #to of (116.404, 39.915) gives the published formula's result"() {
        when:
        def result = new Position(116.404d, 39.915d, from).to(to)

        then:
        Math.abs(result.lon() - lon) < SAME_AS_FORMULA_DEGREES
        Math.abs(result.lat() - lat) < SAME_AS_FORMULA_DEGREES

        where:
        from  | to    || lon                | lat
        WGS84 | GCJ02 || 116.41024449916938 | 39.91640428150164
        GCJ02 | BD09  || 116.41036949371029 | 39.92133699351021
        BD09  | GCJ02 || 116.39762729119315 | 39.90865673957631
    }

    /*
     * Tiananmen Square, WGS 84 (116.391314, 39.905560) vs GCJ-02 (116.397555, 39.906961), from the
     * test of the Python package geosys (tests/test_geosys.py), printed to 6 decimals (about 0.1 m).
     */
    def "Tiananmen Square: WGS 84 and GCJ-02 agree with the published pair to 0.1 m"() {
        given:
        def wgs84 = Position.wgs84(116.391314d, 39.905560d)
        def gcj02 = Position.gcj02(116.397555d, 39.906961d)

        expect:
        wgs84.to(GCJ02).distanceMetres(gcj02) < 0.1d
        gcj02.to(WGS84).distanceMetres(wgs84) < 0.1d
    }

    /*
     * City centres from hujiulong/gcoord test/fixtures/china-cities.json: coordinates taken from
     * the map services themselves (7 decimals, about 1 cm). The GCJ-02 formula is known to differ
     * from AMap's service by well under a metre (0.65-0.69 m at these points), so WGS 84 <-> GCJ-02
     * is held to 1 m; Baidu's forward formula matches its service to a centimetre; its reverse
     * formula is approximate (up to 0.15 m here).
     */
    def "#city: conversions agree with the map services' coordinates"() {
        given:
        def wgs84 = Position.wgs84(wgsLon, wgsLat)
        def gcj02 = Position.gcj02(gcjLon, gcjLat)
        def bd09 = Position.bd09(bdLon, bdLat)

        expect:
        wgs84.to(GCJ02).distanceMetres(gcj02) < 1d
        gcj02.to(WGS84).distanceMetres(wgs84) < 1d
        gcj02.to(BD09).distanceMetres(bd09) < 0.01d
        bd09.to(GCJ02).distanceMetres(gcj02) < 0.2d
        wgs84.to(BD09).distanceMetres(bd09) < 1d
        bd09.to(WGS84).distanceMetres(wgs84) < 1d

        where:
        city        | wgsLon      | wgsLat     | gcjLon      | gcjLat     | bdLon       | bdLat
        '驻马店 Zhumadian' | 114.0164322 | 33.0133556 | 114.022306  | 33.0115324 | 114.0287781 | 33.0176697
        '沈阳 Shenyang'   | 123.4253306 | 41.8032629 | 123.4314787 | 41.8057023 | 123.438095  | 41.8114013
        '那曲 Nagqu'      | 92.0499619  | 31.4784436 | 92.0512438  | 31.4762063 | 92.0576832  | 31.4824421
        '郑州 Zhengzhou'  | 113.6192856 | 34.7478004 | 113.6253334 | 34.7466173 | 113.6317519 | 34.7528605
        '酒泉 Jiuquan'    | 98.4937175  | 39.7319946 | 98.4943595  | 39.7328234 | 98.5008441  | 39.7388949
        '锡林郭勒 Xilingol' | 116.0414035 | 43.9312805 | 116.0482308 | 43.9334573 | 116.0546232 | 43.9397782
        '钦州 Qinzhou'    | 108.6503952 | 21.9828281 | 108.6541485 | 21.9799392 | 108.6607283 | 21.9856319
        '泉州 Quanzhou'   | 118.6711365 | 24.8770487 | 118.6756787 | 24.8741363 | 118.6821251 | 24.8804872
        '金华 Jinhua'     | 119.6427465 | 29.0820414 | 119.6474509 | 29.0790641 | 119.6538875 | 29.0854003
    }

    def "a round trip #route over a grid across China returns within #bound m"() {
        given: 'every half degree from Xinjiang to Heilongjiang, Hainan to Mohe'
        def start = []
        for (double lon = 73.5d; lon <= 135d; lon += 0.5d) {
            for (double lat = 18d; lat <= 53.5d; lat += 0.5d) {
                start << new Position(lon, lat, from)
            }
        }

        when:
        def worst = start.collect { it.to(via).to(from).distanceMetres(it) }.max()

        then:
        worst < bound

        where:
        route                     | from  | via   || bound
        'GCJ-02 -> WGS 84 -> GCJ-02' | GCJ02 | WGS84 || 0.01d
        'WGS 84 -> GCJ-02 -> WGS 84' | WGS84 | GCJ02 || 0.01d
        'GCJ-02 -> BD-09 -> GCJ-02'  | GCJ02 | BD09  || 0.5d
        'WGS 84 -> BD-09 -> WGS 84'  | WGS84 | BD09  || 0.5d
    }

    def "in #place the one-step inverse misses by over #oneStepMiss m; the iterative one by under 1 mm"() {
        given:
        def gcj02 = Position.gcj02(lon, lat)
        def offsetHere = Position.wgs84(lon, lat).to(GCJ02)
        def oneStep = Position.wgs84(2 * lon - offsetHere.lon(), 2 * lat - offsetHere.lat())

        expect:
        oneStep.to(GCJ02).distanceMetres(gcj02) > oneStepMiss
        gcj02.to(WGS84).to(GCJ02).distanceMetres(gcj02) < 0.001d

        where:
        place      | lon      | lat     || oneStepMiss
        'Mohe'     | 122.53d  | 52.97d  || 2.5d
        'Shanghai' | 121.47d  | 31.23d  || 1.5d
    }

    def "outside China (#place) GCJ-02 is WGS 84"() {
        given:
        def wgs84 = Position.wgs84(lon, lat)

        expect:
        ChinaCrsTransforms.isOutsideChina(lon, lat)
        wgs84.to(GCJ02) == Position.gcj02(lon, lat)
        Position.gcj02(lon, lat).to(WGS84) == wgs84

        where:
        place       | lon        | lat
        'Paris'     | 2.3522d    | 48.8566d
        'New York'  | -74.006d   | 40.7128d
        'Sydney'    | 151.2093d  | -33.8688d
        'Moscow'    | 37.6173d   | 55.7558d
        'Singapore' | 103.8198d  | 0.5d
        'Tokyo'     | 139.6917d  | 35.6895d
    }

    def "inside the box (#place) the offset is applied, even where the box is known to be too wide"() {
        expect:
        !ChinaCrsTransforms.isOutsideChina(lon, lat)
        Position.wgs84(lon, lat).to(GCJ02).distanceMetres(Position.gcj02(lon, lat)) > 100d

        where:
        place                      | lon       | lat
        'Beijing'                  | 116.404d  | 39.915d
        'Ulaanbaatar (crudeness)'  | 106.9057d | 47.8864d
        'Seoul (crudeness)'        | 126.978d  | 37.5665d
    }
}
