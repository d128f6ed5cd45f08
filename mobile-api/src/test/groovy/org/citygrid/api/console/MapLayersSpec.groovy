package org.citygrid.api.console

import groovy.json.JsonSlurper
import io.micronaut.http.HttpRequest
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.model.cases.Role
import spock.lang.Shared

import java.time.Instant

/**
 * The console's GeoJSON layers against the real PostGIS read model. Its grids and cases lie in a
 * county of their own (110105, east of the other specs' cases) so counts are this spec's alone.
 */
@MicronautTest
class MapLayersSpec extends ApiSpec {

    static final String GRID_A = '110105001001001'
    static final String GRID_B = '110105001002001'
    static final String GRID_C = '110105002001001'
    static final String BOX = '116.60,40.00,116.63,40.01'
    // a grid of its own, east of BOX, for the department and day filters
    static final String GRID_D = '110105003001001'
    static final String D_BOX = '116.635,40.00,116.645,40.01'

    @Inject
    EmbeddedServer server

    @Shared
    Map<String, Map> cases = [:]

    def setup() {
        if (!cases.isEmpty()) {
            return
        }
        ReadModelFixture.insertGrid(GRID_A, 116.600, 40.000, 116.610, 40.010)
        ReadModelFixture.insertGrid(GRID_B, 116.610, 40.000, 116.620, 40.010)
        ReadModelFixture.insertGrid(GRID_C, 116.620, 40.000, 116.630, 40.010, '网格C', '朝外街道')
        def future = Instant.now().plusSeconds(86_400)
        cases.open = ReadModelFixture.insertCase(gridCode: GRID_A, lon: 116.605d, lat: 40.005d, state: 'FILED',
                categoryCode: 'C0101', deadline: future)
        cases.late = ReadModelFixture.insertCase(gridCode: GRID_A, lon: 116.606d, lat: 40.006d, state: 'DISPATCHED',
                categoryCode: 'E0403', deadline: Instant.parse('2026-03-02T02:00:05Z'))
        cases.closed = ReadModelFixture.insertCase(gridCode: GRID_A, lon: 116.607d, lat: 40.004d, state: 'CLOSED',
                categoryCode: 'C0101', deadline: null)
        ReadModelFixture.insertSensor('mc-console-1', 116.6051, 40.0051, 'RAISED', 'case-of-mc-console-1')
        ReadModelFixture.insertSensor('mc-console-2', 116.6151, 40.0051, 'CLEARED')
        cases.other = ReadModelFixture.insertCase(gridCode: GRID_C, lon: 116.625d, lat: 40.005d, state: 'REPORTED',
                categoryCode: 'C0101', deadline: future)
        ReadModelFixture.insertGrid(GRID_D, 116.635, 40.000, 116.645, 40.010, '网格D', '建外街道')
        // reported on 2 March, Beijing time (the fixture's default)
        cases.earlier = ReadModelFixture.insertCase(gridCode: GRID_D, lon: 116.636d, lat: 40.005d, state: 'DISPATCHED',
                department: 'WATER_SUPPLY', deadline: future)
        // 23:30 on 5 March in Beijing, and 01:00 on 6 March in Beijing: the same UTC day, two city days
        cases.lateEvening = ReadModelFixture.insertCase(gridCode: GRID_D, lon: 116.637d, lat: 40.005d, state: 'IN_PROGRESS',
                department: 'DRAINAGE', deadline: future, reportedAt: Instant.parse('2026-03-05T15:30:00Z'))
        cases.nextMorning = ReadModelFixture.insertCase(gridCode: GRID_D, lon: 116.638d, lat: 40.005d, state: 'DISPATCHED',
                department: 'WATER_SUPPLY', deadline: future, reportedAt: Instant.parse('2026-03-05T17:00:00Z'))
        // a territorial office, as cases name it (grid-model's CatalogueCaseRules), with no deadline running
        cases.streetOffice = ReadModelFixture.insertCase(gridCode: GRID_D, lon: 116.639d, lat: 40.005d, state: 'SUSPENDED',
                department: 'STREET_OFFICE:110105003', deadline: null)
    }

    /** GeoJSON answers, read as JSON whatever their media type. */
    Map geo(TestUser who, String path) {
        new JsonSlurper().parseText(http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(who.accessToken), String)) as Map
    }

    /** The ids of the case points an operator is shown in {@code box} with the extra {@code query}. */
    Set<String> caseIdsShown(String box, String query) {
        geo(user(Role.OPERATOR), "/api/v1/operator/map/cases?bbox=${box}${query}").features*.properties*.caseId as Set
    }

    /** The ids of this spec's cases by their names in {@link #cases}. */
    Set<String> caseIds(List<String> names) {
        names.collect { cases[it].caseId } as Set
    }

    /** The features' properties by one of them (a code, a case id, a device id). */
    static Map<Object, Map> propertiesBy(List features, String key) {
        features.collectEntries { [(it.properties[key]): it.properties] }
    }

    def "the grid layer holds each unit grid's polygon with its open and late case counts"() {
        given:
        def operator = user(Role.OPERATOR)

        when:
        def response = http.toBlocking().exchange(HttpRequest.GET("/api/v1/operator/map/grids?bbox=${BOX}")
                .bearerAuth(operator.accessToken), String)
        def body = new JsonSlurper().parseText(response.body())
        def byCode = body.features.collectEntries { [(it.properties.code): it] }

        then:
        response.status.code == 200
        response.contentType.get().toString().startsWith('application/geo+json')
        body.type == 'FeatureCollection'
        byCode.keySet().containsAll([GRID_A, GRID_B, GRID_C])
        byCode[GRID_A].geometry.type == 'MultiPolygon'
        byCode[GRID_A].properties.openCases == 2
        byCode[GRID_A].properties.lateCases == 1
        byCode[GRID_B].properties.openCases == 0
        byCode[GRID_C].properties.openCases == 1
        byCode[GRID_C].properties.streetNameZh == '朝外街道'
    }

    def "the case layer shows #what"() {
        expect:
        caseIdsShown(BOX, query) == caseIds(expected)

        where:
        what                                       | query                      || expected
        'open cases by default'                    | ''                         || ['open', 'late', 'other']
        'the listed states, terminal ones too'     | '&state=CLOSED,FILED'      || ['open', 'closed']
        'one category'                             | '&category=E0403'          || ['late']
        'state and category together'              | '&state=REPORTED&category=c0101' || ['other']
    }

    def "the case layer filters by #what"() {
        expect:
        caseIdsShown(D_BOX, query) == caseIds(expected)

        where:
        what                                         | query                                     || expected
        'nothing: every open case'                   | ''                                        || ['earlier', 'lateEvening', 'nextMorning', 'streetOffice']
        'one department'                             | '&department=WATER_SUPPLY'                || ['earlier', 'nextMorning']
        'several departments, in any case'           | '&department=drainage,Water_Supply'       || ['earlier', 'lateEvening', 'nextMorning']
        'the first day reported, a Beijing day'      | '&from=2026-03-06'                        || ['nextMorning']
        'the last day reported, included'            | '&to=2026-03-05'                          || ['earlier', 'lateEvening', 'streetOffice']
        'a single day'                               | '&from=2026-03-05&to=2026-03-05'          || ['lateEvening']
        'department and days together'               | '&department=WATER_SUPPLY&from=2026-03-03' || ['nextMorning']
        'a street office'                            | '&department=STREET_OFFICE:110105003'     || ['streetOffice']
        'a street office and a department'           | '&department=STREET_OFFICE:110105003,DRAINAGE' || ['lateEvening', 'streetOffice']
    }

    def "a case point says whether the case is late"() {
        given:
        def operator = user(Role.OPERATOR)

        when:
        def features = geo(operator, "/api/v1/operator/map/cases?bbox=${BOX}").features
        def byCase = propertiesBy(features, 'caseId')

        then:
        byCase[cases.late.caseId].late == true
        byCase[cases.open.caseId].late == false

        and: 'an open case without a running deadline is not late, never null (MapLibre warns on null)'
        propertiesBy(geo(operator, "/api/v1/operator/map/cases?bbox=${D_BOX}").features, 'caseId')[cases.streetOffice.caseId].late == false
        features.find { it.properties.caseId == cases.open.caseId }.geometry.coordinates == [116.605, 40.005]
    }

    def "a viewport leaves out what lies outside it"() {
        given:
        def operator = user(Role.OPERATOR)

        when:
        def grids = geo(operator, '/api/v1/operator/map/grids?bbox=116.621,40.001,116.629,40.009').features
        def points = geo(operator, '/api/v1/operator/map/cases?bbox=116.621,40.001,116.629,40.009').features

        then:
        grids*.properties*.code == [GRID_C]
        points*.properties*.caseId == [cases.other.caseId]
    }

    def "the sensor layer shows each sensor's last alarm edge and the case it opened"() {
        given:
        def operator = user(Role.OPERATOR)

        when:
        def byDevice = propertiesBy(geo(operator, "/api/v1/operator/map/sensors?bbox=${BOX}").features, 'deviceId')

        then:
        byDevice.keySet() == ['mc-console-1', 'mc-console-2'] as Set
        byDevice['mc-console-1'].alarmState == 'RAISED'
        byDevice['mc-console-1'].caseId == 'case-of-mc-console-1'
        byDevice['mc-console-1'].lastValue == 23.5
        byDevice['mc-console-2'].alarmState == 'CLEARED'
    }

    def "street outlines are the union of their grids"() {
        given:
        def operator = user(Role.OPERATOR)

        when:
        def features = geo(operator, "/api/v1/operator/map/areas?level=STREET&bbox=${BOX}").features
        def street = features.find { it.properties.code == '110105001' }

        then:
        street.properties.level == 'STREET'
        street.geometry.type == 'MultiPolygon'
        // two adjacent squares unite into one polygon of one ring
        street.geometry.coordinates.size() == 1
        features.find { it.properties.code == '110105002' }.properties.nameZh == '朝外街道'
    }

    def "a bad #field is refused with a problem body"() {
        given:
        def operator = user(Role.OPERATOR)

        when:
        def response = get(operator, "/api/v1/operator/map/${path}")

        then:
        response.status.code == 422
        response.contentType.startsWith('application/problem+json')
        response.body().errors*.field == [field]

        where:
        path                                   || field
        'cases?bbox=1,2,3'                     || 'bbox'
        'cases?bbox=a,b,c,d'                   || 'bbox'
        'cases?bbox=116.7,40,116.6,40.1'       || 'bbox'
        'grids?bbox=0,0,200,10'                || 'bbox'
        'sensors?bbox=1,1,0,0'                 || 'bbox'
        'cases?state=LOST'                     || 'state'
        'cases?category=DROP%20TABLE'          || 'category'
        'cases?department=DROP%20TABLE'        || 'department'
        'cases?department=%3Cb%3E'             || 'department'
        'cases?department=STREET_OFFICE:1101'  || 'department'
        'cases?from=2026-02-30'                || 'from'
        'cases?from=yesterday'                 || 'from'
        'cases?to=2026-3-5'                    || 'to'
        'cases?from=2026-03-06&to=2026-03-05'  || 'to'
        'areas?level=PLANET'                   || 'level'
    }

    def "the map layers are for operators only"() {
        given:
        def someone = user(role)

        expect:
        get(someone, '/api/v1/operator/map/grids').status.code == 403
        get(someone, '/api/v1/operator/map/cases').status.code == 403
        get(someone, '/api/v1/operator/map/sensors').status.code == 403

        where:
        role << [Role.RESIDENT, Role.GRID_WORKER, Role.HANDLER, Role.ADMIN]
    }

    def "the console's files need no sign-in, and MapLibre is served from this server"() {
        when:
        // java.net.http does not follow redirects unless told to: the redirect itself is under test
        def bare = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                URI.create("${server.URL}/console")).build(), java.net.http.HttpResponse.BodyHandlers.discarding())
        def page = http.toBlocking().exchange(HttpRequest.GET('/console/index.html'), String)
        def library = http.toBlocking().exchange(HttpRequest.GET('/console/vendor/maplibre-gl-csp.js'), byte[])
        def worker = http.toBlocking().exchange(HttpRequest.GET('/console/vendor/maplibre-gl-csp-worker.js'), byte[])

        then:
        bare.statusCode() in [301, 302, 303, 307, 308]
        bare.headers().firstValue('Location').get() == '/console/index.html'
        page.status.code == 200
        page.body().contains('vendor/maplibre-gl-csp.js')
        !page.body().contains('//unpkg') && !page.body().contains('//cdn')
        library.status.code == 200
        library.body().length > 100_000
        worker.status.code == 200
    }
}
