package org.citygrid.api.nearby

import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.model.cases.Role
import org.citygrid.model.geo.Crs
import org.citygrid.model.geo.Position
import spock.lang.Shared

/**
 * What a person sees before reporting: the open problems near where they stand (so that they follow one
 * instead of reporting it again) and, signing up, the community of the place; asked and answered in the
 * coordinate system of the phone's map (GCJ-02 for AMap), stored in WGS 84.
 */
@MicronautTest
class NearbySpec extends ApiSpec {

    /** A grid of its own, so that the cases near this spec's point are this spec's. */
    static final String GRID = '110101002005001'
    static final Position HERE = Position.wgs84(116.45221, 39.94117)

    @Shared
    Map near
    @Shared
    Map farther
    @Shared
    Map closed
    @Shared
    Map away

    def setupSpec() {
        ReadModelFixture.insertGrid(GRID, 116.4500, 39.9400, 116.4550, 39.9430, '北新桥网格', '北新桥街道')
    }

    def "open problems near a point, nearest first, in the language asked for, never who reported them"() {
        given: 'about 40 m and 150 m away, a closed one 20 m away, and one 900 m away'
        def resident = user(Role.RESIDENT)
        near = ReadModelFixture.insertCase(gridCode: GRID, state: 'DISPATCHED', categoryCode: 'C0101',
                lon: HERE.lon() + 0.00047, lat: HERE.lat(), reporterId: 'someone-else', description: '井盖松动')
        farther = ReadModelFixture.insertCase(gridCode: GRID, state: 'REPORTED', categoryCode: 'E0102',
                lon: HERE.lon(), lat: HERE.lat() + 0.00135, reporterId: resident.id)
        closed = ReadModelFixture.insertCase(gridCode: GRID, state: 'CLOSED', categoryCode: 'C0101',
                lon: HERE.lon() + 0.0002, lat: HERE.lat())
        away = ReadModelFixture.insertCase(gridCode: GRID, state: 'REPORTED', categoryCode: 'C0101',
                lon: HERE.lon() + 0.0105, lat: HERE.lat())

        when:
        def zh = get(resident, "/api/v1/cases/nearby?lon=${HERE.lon()}&lat=${HERE.lat()}")
        def en = exchange(HttpRequest.GET("/api/v1/cases/nearby?lon=${HERE.lon()}&lat=${HERE.lat()}&radius=2000")
                .header('Accept-Language', 'en').bearerAuth(resident.accessToken))

        then:
        zh.body()*.caseId == [near.caseId, farther.caseId]
        zh.body()*.category == ['上水井盖', '暴露垃圾']
        zh.body()*.distance.every { it instanceof Integer }
        (zh.body()[0].distance as int) in 38..42
        (zh.body()[1].distance as int) in 147..153
        zh.body()*.mine == [false, true]
        zh.body()*.reports == [1, 1]
        zh.body().every { !it.containsKey('description') && !it.containsKey('reporterId') }
        zh.header('Content-Language') == 'zh-CN'

        and: "a wider circle takes in the one 900 m away (and other specs' cases further off); English names"
        en.body()*.caseId.findAll { it in [near, farther, closed, away]*.caseId } == [near.caseId, farther.caseId, away.caseId]
        en.body()[0].category == 'Water-supply manhole cover'
        en.header('Content-Language') == 'en'
    }

    def "asked in GCJ-02 (AMap), the same problems, with positions AMap draws where they are"() {
        given:
        def resident = user(Role.RESIDENT)
        def amap = HERE.to(Crs.GCJ02)

        when:
        def r = get(resident, "/api/v1/cases/nearby?lon=${amap.lon()}&lat=${amap.lat()}&crs=gcj02")

        then:
        r.body()*.caseId == [near.caseId, farther.caseId]
        r.header('Content-Crs') == 'gcj02'
        def expected = Position.wgs84(near.lon as double, near.lat as double).to(Crs.GCJ02)
        Math.abs((r.body()[0].lon as double) - expected.lon()) < 1e-7
        Math.abs((r.body()[0].lat as double) - expected.lat()) < 1e-7
    }

    def "the community of the place a person stands on, named; none outside the grids"() {
        when:
        def here = exchange(HttpRequest.GET("/api/v1/communities/at?lon=${HERE.lon()}&lat=${HERE.lat()}"))
        def nowhere = exchange(HttpRequest.GET('/api/v1/communities/at?lon=116.0&lat=40.9'))

        then:
        here.body() == [code: '110101002005', name: '社区', streetCode: '110101002', streetName: '北新桥街道']
        nowhere.status.code == 404
    }

    def "bad questions get clear answers: #why"() {
        given:
        def resident = user(Role.RESIDENT)

        when:
        def r = get(resident, "/api/v1/cases/nearby?${query}")

        then:
        r.status.code == status
        r.contentType.startsWith('application/problem+json')
        r.body().toString().contains(says)

        where:
        why                        | query                                 || status | says
        'no latitude'              | 'lon=116.45'                          || 422    | 'lat'
        'a radius too large'       | 'lon=116.45&lat=39.94&radius=5000'    || 422    | 'radius'
        'an unknown category'      | 'lon=116.45&lat=39.94&category=Z9999' || 422    | 'category'
        'an unknown CRS'           | 'lon=116.45&lat=39.94&crs=utm50n'     || 400    | 'crs'
        'a point outside the city' | 'lon=121.47&lat=31.23'                || 422    | 'outside the managed city'
    }
}
