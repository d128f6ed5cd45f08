package org.citygrid.api.security

import io.micronaut.http.HttpRequest
import io.micronaut.runtime.server.EmbeddedServer
import jakarta.inject.Inject
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.ogcapi.MapKeys
import org.citygrid.api.open311.ApiKeys
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.Images
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.model.cases.Role
import spock.lang.Shared

/**
 * Every role against every endpoint, the centres' posts included. The case in the fixture is dispatched to DRAINAGE, lies in the
 * worker's grid and was reported by somebody else, so 404 below means "not in your scope". Photos:
 * {@code othersPhoto} is on no case, {@code casePhoto} on that case's report, {@code photoOutOfScope}
 * on the report of a case of another department in another grid.
 */
@MicronautTest
class RoleMatrixSpec extends ApiSpec {

    static final List<String> WHO = ['anonymous', 'RESIDENT', 'GRID_WORKER', 'HANDLER', 'OPERATOR', 'ADMIN',
                                     'ACCEPTOR', 'SHIFT_LEADER', 'DISPATCHER', 'LEADER']

    static final List<List> MATRIX = [
            // endpoint                                     anonymous RESIDENT WORKER HANDLER OPERATOR ADMIN ACCEPTOR SHIFT_LEADER DISPATCHER LEADER
            // the centres' posts (docs/roles.md): the acceptor takes hotline reports in, the dispatcher dispatches, the
            // shift leader files, voids and closes, the leader reads; the legacy operator holds them all
            ['GET /manage/health',                          200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
            ['GET /manage/prometheus',                      401, 403, 403, 403, 403, 200, 403, 403, 403, 403],
            ['GET /swagger-ui/index.html',                  200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
            ['POST /api/v1/auth/sign-in',                   200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
            ['POST /api/v1/accounts/residents',             201, 201, 201, 201, 201, 201, 201, 201, 201, 201],
            ['GET /swagger/citygrid-mobile-api.yml',        200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
            ['GET /api/v1/accounts/me',                     401, 200, 200, 200, 200, 200, 200, 200, 200, 200],
            ['POST /api/v1/accounts',                       401, 403, 403, 403, 403, 201, 403, 403, 403, 403],
            ['POST /api/v1/admin/accounts/{strangerId}/enable', 401, 403, 403, 403, 403, 200, 403, 403, 403, 403],
            ['POST /api/v1/auth/sign-out',                  401, 204, 204, 204, 204, 204, 204, 204, 204, 204],
            ['POST /api/v1/photos',                         401, 201, 201, 201, 201, 201, 201, 201, 201, 201],
            ['GET /api/v1/photos/{othersPhoto}',            401, 404, 404, 404, 404, 404, 404, 404, 404, 404],
            ['GET /api/v1/photos/{casePhoto}',              401, 404, 200, 200, 200, 200, 200, 200, 200, 200],
            ['GET /api/v1/photos/{photoOutOfScope}',        401, 404, 404, 404, 200, 200, 200, 200, 200, 200],
            ['POST /api/v1/reports',                        401, 202, 202, 403, 202, 403, 202, 403, 403, 403],
            ['GET /api/v1/reports',                         401, 200, 200, 403, 200, 403, 200, 403, 403, 403],
            ['POST /api/v1/service-requests',               401, 202, 403, 403, 403, 403, 403, 403, 403, 403],
            ['GET /api/v1/service-requests',                401, 200, 403, 403, 403, 403, 403, 403, 403, 403],
            ['GET /api/v1/service-requests/{othersRequest}', 401, 404, 403, 403, 403, 403, 403, 403, 403, 403],
            ['GET /api/v1/reports/{others}',       401, 404, 404, 403, 404, 403, 404, 403, 403, 403],
            ['GET /api/v1/cases/{case}',                    401, 404, 200, 200, 200, 200, 200, 200, 200, 200],
            ['POST /api/v1/cases/{case}/actions Accept',    401, 403, 403, 202, 403, 403, 403, 403, 403, 403],
            ['POST /api/v1/cases/{case}/actions Dispatch',  401, 403, 403, 403, 202, 403, 403, 403, 202, 403],
            ['POST /api/v1/cases/{case}/actions File',      401, 403, 403, 403, 202, 403, 403, 202, 403, 403],
            ['POST /api/v1/cases/{case}/actions Close',     401, 403, 403, 403, 202, 403, 403, 202, 403, 403],
            ['POST /api/v1/cases/{case}/actions Void',      401, 403, 403, 403, 202, 202, 403, 202, 403, 403],
            ['GET /api/v1/commands/{othersCommand}',        401, 404, 404, 404, 404, 404, 404, 404, 404, 404],
            ['GET /api/v1/handler/tasks',                   401, 403, 403, 200, 403, 403, 403, 403, 403, 403],
            ['GET /api/v1/worker/tasks',                    401, 403, 200, 403, 403, 403, 403, 403, 403, 403],
            ['GET /api/v1/worker/grids',                    401, 403, 200, 403, 403, 403, 403, 403, 403, 403],
            ['GET /api/v1/operator/filing-queue',           401, 403, 403, 403, 200, 403, 200, 200, 200, 200],
            ['GET /api/v1/operator/overdue',                401, 403, 403, 403, 200, 403, 200, 200, 200, 200],
            ['GET /api/v1/operator/push-intents',           401, 403, 403, 403, 200, 403, 200, 200, 200, 200],
            ['GET /api/v1/operator/indicators?dimension=area&level=STREET',             401, 403, 403, 403, 200, 403, 200, 200, 200, 200],
            ['GET /api/v1/operator/indicators/daily?dimension=category&code=C0101',     401, 403, 403, 403, 200, 403, 200, 200, 200, 200],
            ['GET /api/v1/operator/live',                   401, 403, 403, 403, 200, 403, 200, 200, 200, 200],
            ['GET /api/v1/operator/map/grids',              401, 403, 403, 403, 200, 403, 200, 200, 200, 200],
            ['GET /api/v1/operator/map/areas',              401, 403, 403, 403, 200, 403, 200, 200, 200, 200],
            ['GET /api/v1/operator/map/cases',              401, 403, 403, 403, 200, 403, 200, 200, 200, 200],
            ['GET /api/v1/operator/map/sensors',            401, 403, 403, 403, 200, 403, 200, 200, 200, 200],
            ['GET /api/v1/operator/map/grid-counts',        401, 403, 403, 403, 200, 403, 200, 200, 200, 200],
            // the desk: the centres' posts and the departments' handlers (a queue of another post is not on the desk)
            ['GET /api/v1/desk',                            401, 403, 403, 200, 200, 403, 200, 200, 200, 200],
            ['GET /api/v1/desk/queues/TO_FILE',             401, 403, 403, 404, 200, 403, 200, 200, 404, 200],
            ['GET /api/v1/desk/queues/TO_SIGN',             401, 403, 403, 200, 404, 403, 404, 404, 404, 404],
            ['GET /api/v1/desk/search?q=110101',            401, 403, 403, 200, 200, 403, 200, 200, 200, 200],
            // the phone app's (issue 17): every signed-in person's inbox, the grid workers' patrol, problems nearby
            ['GET /api/v1/notifications',                   401, 200, 200, 200, 200, 200, 200, 200, 200, 200],
            ['GET /api/v1/notifications/unread',            401, 200, 200, 200, 200, 200, 200, 200, 200, 200],
            ['GET /api/v1/patrol/track',                    401, 403, 200, 403, 403, 403, 403, 403, 403, 403],
            ['GET /api/v1/cases/nearby?lat=39.91449&lon=116.40325', 401, 200, 200, 200, 200, 200, 200, 200, 200, 200],
            // reference data and the console's settings: public
            ['GET /api/v1/categories',                      200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
            ['GET /api/v1/departments',                     200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
            ['GET /api/v1/console/config',                  200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
            ['POST /api/v1/notices',                        401, 403, 403, 403, 201, 403, 201, 201, 201, 403],
            ['GET /api/v1/notices?community=110101001001',  401, 200, 403, 403, 200, 403, 200, 200, 200, 200],
            ['POST /api/v1/devices',                        401, 201, 201, 201, 201, 201, 201, 201, 201, 201],
            ['GET /api/v1/devices',                         401, 200, 200, 200, 200, 200, 200, 200, 200, 200],
            ['DELETE /api/v1/devices/{othersDevice}',       401, 404, 404, 404, 404, 404, 404, 404, 404, 404],
            ['POST /api/v1/admin/open311-keys',             401, 403, 403, 403, 403, 201, 403, 403, 403, 403],
            ['DELETE /api/v1/admin/open311-keys/{open311KeyId}', 401, 403, 403, 403, 403, 204, 403, 403, 403, 403],
            ['GET /open311/v2/services.json',               200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
            ['GET /open311/v2/requests.json',               200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
            // the map services (MapAccessSpec adds map keys and tiles)
            ['GET /ogcapi/collections',                     401, 403, 403, 403, 200, 403, 200, 200, 200, 200],
            ['GET /ogcapi/collections/cases/items/{case}',  401, 403, 403, 403, 200, 403, 200, 200, 200, 200],
            ['POST /api/v1/admin/map-keys',                 401, 403, 403, 403, 403, 201, 403, 403, 403, 403],
            ['DELETE /api/v1/admin/map-keys/{mapKeyId}',    401, 403, 403, 403, 403, 204, 403, 403, 403, 403],
            ['DELETE /api/v1/admin/map-keys/map-none',      401, 403, 403, 403, 403, 404, 403, 403, 403, 403],
    ]

    @Inject
    EmbeddedServer server

    @Override
    Map<String, String> getProperties() {
        // the live stream's reader assigns itself partitions (no consumer group): cheap to start
        super.properties + ['citygrid.live.enabled': 'true']
    }

    @Shared
    Map<String, TestUser> users = [:]
    @Shared
    String caseId
    @Shared
    String othersReport
    @Shared
    TestUser stranger
    @Shared
    Map<String, String> others = [:]

    def setup() {
        if (users.isEmpty()) {
            // every role an account may have: the posts of the two centres beside the legacy operator
            WHO.findAll { it != 'anonymous' }.collect { Role.valueOf(it) }.each {
                users[it.name()] = user(it, [department: 'DRAINAGE', grids: ['110101001001023']])
            }
            stranger = user(Role.RESIDENT)
            othersReport = post(stranger, '/api/v1/reports',
                    [categoryCode: 'C0101', position: [lon: 116.40325, lat: 39.91449]]).body().id
            caseId = ReadModelFixture.insertCase(state: 'DISPATCHED', department: 'DRAINAGE', reporterId: stranger.id,
                    gridCode: '110101001001023').caseId
            others.othersPhoto = photo(stranger).substring('photo/'.length())
            others.casePhoto = reportedWithPhoto(caseId)
            others.photoOutOfScope = reportedWithPhoto(ReadModelFixture.insertCase(state: 'DISPATCHED', department: 'ROADS',
                    reporterId: stranger.id, gridCode: '110101001001024').caseId)
            others.othersRequest = post(stranger, '/api/v1/service-requests',
                    [categoryCode: 'S9101', position: [lon: 116.40325, lat: 39.91449]]).body().id
            others.strangerId = stranger.id
            others.mapKeyId = context.getBean(MapKeys).issue('matrix desk').id()
            others.open311KeyId = context.getBean(ApiKeys).issue('matrix app').id()
            others.othersDevice = "fcm-stranger-${UUID.randomUUID()}".toString()
            assert post(stranger, '/api/v1/devices', [token: others.othersDevice, platform: 'android']).status.code == 201
            others.othersCommand = post(user(Role.OPERATOR), "/api/v1/cases/${caseId}/actions",
                    [type: 'Suspend', reason: 'waiting for the owner']).body().id
        }
    }

    def "#who on #endpoint gets #expected"() {
        when:
        def (status, contentType) = endpoint.endsWith('/live') ? openStream(users[who]) : answer(request(endpoint, users[who]))

        then:
        status == expected
        if (expected >= 400) {
            assert contentType == (endpoint.contains('/open311/') ? 'application/json' : 'application/problem+json')
        }
        if (endpoint.endsWith('/live') && expected == 200) {
            assert contentType.startsWith('text/event-stream')
        }

        where:
        [endpoint, who, expected] << MATRIX.collectMany { row ->
            WHO.withIndex().collect { String role, int i -> [row[0], role, row[i + 1]] }
        }
    }

    def "after every role has tried, the other person's device token, report and photo are still theirs alone"() {
        expect:
        get(stranger, '/api/v1/devices').body().contains(others.othersDevice)
        get(stranger, "/api/v1/reports/${othersReport}").status.code == 200
        get(stranger, "/api/v1/photos/${others.othersPhoto}").status.code == 200
    }

    /** The stranger reports with a photo, and the case cycle (played here) makes it case {@code caseId}; the photo's id. */
    String reportedWithPhoto(String caseId) {
        String ref = photo(stranger)
        String intake = post(stranger, '/api/v1/reports', [categoryCode: 'C0101', position: [lon: 116.40325, lat: 39.91449],
                                                           photos: [ref]]).body().id
        ReadModelFixture.insertEvent(caseId, 1, 'Reported', "intake:${intake}")
        ref.substring('photo/'.length())
    }

    List answer(HttpRequest request) {
        def response = exchange(request)
        [response.status.code, response.contentType]
    }

    /** The live stream never ends: read its status and headers, then hang up. */
    List openStream(TestUser who) {
        def request = java.net.http.HttpRequest.newBuilder(URI.create("${server.URL}/api/v1/operator/live"))
                .header('Accept', 'text/event-stream')
        if (who != null) {
            request.header('Authorization', "Bearer ${who.accessToken}")
        }
        def response = java.net.http.HttpClient.newHttpClient().send(request.build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream())
        response.body().close()
        [response.statusCode(), response.headers().firstValue('Content-Type').orElse(null)]
    }

    HttpRequest request(String endpoint, TestUser who) {
        def (method, path, action) = endpoint.tokenize(' ') + [null]
        path = path.replace('{case}', caseId).replace('{others}', othersReport)
        others.each { name, value -> path = path.replace("{${name}}", value) }
        def body = switch (path) {
            case '/api/v1/auth/sign-in' -> [username: stranger.username, password: stranger.password]
            case '/api/v1/accounts/residents' -> [username: "r-${UUID.randomUUID()}".toString(), password: 'a long enough secret',
                                                  displayName: 'Neighbour', communityCode: '110101001001']
            case '/api/v1/accounts' -> [username: "m-${UUID.randomUUID()}".toString(), password: 'a long enough secret',
                                        displayName: 'New', role: 'OPERATOR']
            case '/api/v1/reports' -> [categoryCode: 'E0401', position: [lon: 116.40325, lat: 39.91449]]
            case '/api/v1/service-requests' -> [categoryCode: 'S9101', position: [lon: 116.40325, lat: 39.91449]]
            case '/api/v1/photos' -> Images.jpeg(new Random().nextInt(65536))
            case '/api/v1/notices' -> [communityCode: '110101001001', title: 'Notice', body: 'for everyone']
            case '/api/v1/devices' -> [token: "fcm-${UUID.randomUUID()}".toString(), platform: 'android']
            case '/api/v1/admin/open311-keys' -> [client: 'matrix']
            case '/api/v1/admin/map-keys' -> [client: 'matrix']
            default -> switch (action) {
                case 'Accept' -> [type: 'Accept']
                case 'Dispatch' -> [type: 'Dispatch', department: 'DRAINAGE']
                case 'Void' -> [type: 'Void', reason: 'entered twice']
                case 'File' -> [type: 'File', note: 'meets the filing criteria']
                case 'Close' -> [type: 'Close']
                default -> ''
            }
        }
        def request = switch (method) {
            case 'GET' -> HttpRequest.GET(path)
            case 'DELETE' -> HttpRequest.DELETE(path)
            default -> HttpRequest.POST(path, body)
        }
        if (path == '/api/v1/photos') {
            request.contentType('image/jpeg')
        }
        request.header('Idempotency-Key', UUID.randomUUID().toString())
        // sign-out revokes refresh tokens only: the access token stays good for the rows after it
        who == null ? request : request.bearerAuth(who.accessToken)
    }
}
