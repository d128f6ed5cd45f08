package org.citygrid.api.security

import com.nimbusds.jose.JWSAlgorithm
import com.nimbusds.jose.JWSHeader
import com.nimbusds.jose.crypto.MACSigner
import com.nimbusds.jwt.JWTClaimsSet
import com.nimbusds.jwt.SignedJWT
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.Images
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.api.testkit.TestStack
import org.citygrid.api.testkit.Topics
import org.citygrid.model.cases.Role
import spock.lang.Shared

import java.time.Instant

/** Hostile and broken requests: each a clear 4xx problem, and nothing stored or sent. */
@MicronautTest
class BadInputSpec extends ApiSpec {

    static final String SCRIPT = '<script>alert(document.cookie)</script>'
    static final String SQL = "x'); DROP TABLE api.reports; --"
    static final String BIDI = "fine\u202Eenif"

    @Shared
    TestUser resident

    /** The key the API signs with: a forged token signed with it is what an attacker who knew it could make. */
    static final String SECRET = TestStack.instance.jwtSecret

    @Override
    Map<String, String> getProperties() {
        super.properties + ['micronaut.server.max-request-size': '262144']
    }

    def setup() {
        resident = resident ?: user(Role.RESIDENT)
    }

    def report(Map overrides = [:]) {
        [categoryCode: 'C0101', description: 'loose cover', position: [lon: 116.40325, lat: 39.91449]] + overrides
    }

    int storedReports() {
        TestStack.instance.rows('SELECT count(*) AS n FROM api.reports WHERE reporter_id = ?', [resident.id])[0].n as int
    }

    int sentReports() {
        Topics.readAll(TestStack.INTAKE).count { new String(it.value(), 'UTF-8').contains(resident.id) } as int
    }

    def "#what is answered #status with a problem body and nothing is stored or sent"() {
        given:
        def storedBefore = storedReports()
        def sentBefore = sentReports()

        when:
        def request = HttpRequest.POST('/api/v1/reports', body).contentType(MediaType.APPLICATION_JSON)
                .bearerAuth(resident.accessToken).header('Idempotency-Key', UUID.randomUUID().toString())
        def response = exchange(request)

        then:
        response.status.code == status
        response.contentType == 'application/problem+json'
        response.body().status == status
        response.body().detail
        storedReports() == storedBefore
        sentReports() == sentBefore

        where:
        what                                | body                                                            || status
        'malformed JSON'                    | '{"categoryCode": "C0101", "position": {'                       || 400
        'a JSON array instead of an object' | '[1, 2, 3]'                                                     || 400
        'a string where a number belongs'   | report(position: [lon: 'east', lat: 39.9])                      || 400
        'a missing position'                | report(position: null)                                          || 400
        // the report rules behind 422 are ReportServiceSpec's; here one of each kind through HTTP
        'a malformed category code'         | report(categoryCode: SQL)                                       || 422
        'an unknown coordinate system'      | report(position: [lon: 116.4, lat: 39.9, crs: SQL])             || 422
        'script in the description'         | report(description: SCRIPT)                                     || 422
        'a photo ref that is not a photo'   | report(photos: ["photo/../../etc/passwd"])                     || 422
        'seven photos'                      | report(photos: (1..7).collect { "photo/${it}".toString() })     || 400
        'a huge body'                       | report(description: 'x' * 300_000)                              || 413
    }

    def "SQL in free text is stored as the text it is and does nothing"() {
        when:
        def response = post(resident, '/api/v1/reports', report(description: SQL))

        then:
        response.status.code == 202
        get(resident, "/api/v1/reports/${response.body().id}").body().description == SQL
        TestStack.instance.rows("SELECT to_regclass('api.reports') AS t")[0].t != null
    }

    def "#injection in #field of a #type step is refused and no command is sent"() {
        given:
        def who = user(role, [department: 'DRAINAGE', grids: ['110101001001023']])
        def c = ReadModelFixture.insertCase(state: 'IN_PROGRESS', department: 'DRAINAGE', reporterId: who.id)

        when:
        def response = post(who, "/api/v1/cases/${c.caseId}/actions", base + [(field): text])

        then:
        response.status.code == 422
        response.contentType == 'application/problem+json'
        response.body().errors*.field == [field]
        Topics.withKey(TestStack.COMMANDS, c.caseId).isEmpty()
        TestStack.instance.rows('SELECT count(*) AS n FROM api.commands WHERE case_id = ?', [c.caseId])[0].n == 0

        // every step and text field: CommandServiceSpec; here one of each injection through HTTP
        where:
        role          | base                                     | field    | injection
        Role.OPERATOR | [type: 'File']                           | 'note'   | 'script'
        Role.HANDLER  | [type: 'Return']                         | 'reason' | 'an event handler'
        type = base.type
        text = injection == 'script' ? SCRIPT : 'see <img src=x onerror=alert(1)>'
    }

    def "script in #field of #path is refused and nothing is stored"() {
        given:
        def operator = user(Role.OPERATOR)
        def admin = user(Role.ADMIN)
        def who = [resident: resident, operator: operator, admin: admin, nobody: null][by]

        when:
        def request = HttpRequest.POST(path, body).header('Idempotency-Key', UUID.randomUUID().toString())
        def response = exchange(who == null ? request : request.bearerAuth(who.accessToken))

        then:
        response.status.code == 422
        response.contentType == 'application/problem+json'
        response.body().errors*.field == [field]
        TestStack.instance.rows(stored, [SCRIPT])[0].n == 0

        where:
        path                             | by         | field         | stored
        '/api/v1/accounts/residents'     | 'nobody'   | 'displayName' | 'SELECT count(*) AS n FROM api.accounts WHERE display_name = ?'
        '/api/v1/accounts'               | 'admin'    | 'displayName' | 'SELECT count(*) AS n FROM api.accounts WHERE display_name = ?'
        '/api/v1/notices'                | 'operator' | 'title'       | 'SELECT count(*) AS n FROM api.notices WHERE title = ?'
        '/api/v1/notices'                | 'operator' | 'body'        | 'SELECT count(*) AS n FROM api.notices WHERE body = ?'
        '/api/v1/service-requests'       | 'resident' | 'description' | 'SELECT count(*) AS n FROM api.reports WHERE description = ?'
        '/api/v1/reports'                | 'resident' | 'description' | 'SELECT count(*) AS n FROM api.reports WHERE description = ?'
        body = [
                '/api/v1/accounts/residents': [username: "r${System.nanoTime()}".toString(), password: 'a long enough secret',
                                               displayName: SCRIPT, communityCode: '110101001001'],
                '/api/v1/accounts'          : [username: "s${System.nanoTime()}".toString(), password: 'a long enough secret',
                                               displayName: SCRIPT, role: 'OPERATOR'],
                '/api/v1/notices'           : [communityCode: '110101001001', title: 'Water off', body: 'from 9 to 11'] + [(field): SCRIPT],
                '/api/v1/service-requests'  : [categoryCode: 'S9101', description: SCRIPT, position: [lon: 116.40325, lat: 39.91449]],
                '/api/v1/reports'           : [categoryCode: 'C0101', description: SCRIPT, position: [lon: 116.40325, lat: 39.91449]],
        ][path]
    }

    def "a right-to-left override in #field of #path is refused, naming the field in Chinese and English, and nothing is stored"() {
        given: 'the "Trojan Source" character, which the old PlainText let through'
        def operator = user(Role.OPERATOR)
        def handler = user(Role.HANDLER, [department: 'DRAINAGE'])
        def c = ReadModelFixture.insertCase(state: 'DISPATCHED', department: 'DRAINAGE')
        def who = [resident: resident, operator: operator, handler: handler][by]

        when:
        def response = post(who, path.replace('{case}', c.caseId), body + [(field): BIDI])

        then:
        response.status.code == 422
        response.contentType == 'application/problem+json'
        response.body().type == 'urn:citygrid:problem:invalid-field'
        response.body().errors*.field == [field]
        response.body().errors[0].message ==~ /${field} 第 \d+ 个字符是不可见的格式控制符（U\+202E）.+ \/ ${field} has an invisible formatting character \(U\+202E\).+/
        TestStack.instance.rows(stored, [path.contains('{case}') ? c.caseId : BIDI])[0].n == 0

        where:
        path                             | by         | field         | body                                                               || stored
        '/api/v1/reports'                | 'resident' | 'description' | [categoryCode: 'C0101', position: [lon: 116.40325, lat: 39.91449]] || 'SELECT count(*) AS n FROM api.reports WHERE description = ?'
        '/api/v1/service-requests'       | 'resident' | 'description' | [categoryCode: 'S9101', position: [lon: 116.40325, lat: 39.91449]] || 'SELECT count(*) AS n FROM api.reports WHERE description = ?'
        '/api/v1/notices'                | 'operator' | 'body'        | [communityCode: '110101001001', title: 'Water off']                || 'SELECT count(*) AS n FROM api.notices WHERE body = ?'
        '/api/v1/cases/{case}/actions'   | 'handler'  | 'reason'      | [type: 'Return']                                                   || 'SELECT count(*) AS n FROM api.commands WHERE case_id = ?'
    }

    def "an Open311 POST with a C1 control in its description is refused in the spec's format, in Chinese and English"() {
        given:
        def apiKey = post(user(Role.ADMIN), '/api/v1/admin/open311-keys', [client: 'bad input']).body().apiKey

        when:
        def response = exchange(HttpRequest.POST('/open311/v2/requests.json', [api_key: apiKey, service_code: 'C0101',
                lat: '39.91449', long: '116.40325', description: "next line\u0085here"])
                .contentType(MediaType.APPLICATION_FORM_URLENCODED))

        then:
        response.status.code == 400
        response.body()[0].code == 400
        response.body()[0].description ==~ /description 第 10 个字符是控制字符（U\+0085），请删除 \/ description has a control character \(U\+0085\) at character 10: remove it/
    }

    def "line breaks from a browser's text area are stored as line feeds"() {
        when:
        def response = post(resident, '/api/v1/reports', report(description: "loose cover\r\nrattles\rat night"))

        then:
        response.status.code == 202
        get(resident, "/api/v1/reports/${response.body().id}").body().description == "loose cover\nrattles\nat night"
        TestStack.instance.rows('SELECT description FROM api.reports WHERE intake_id = ?', [response.body().id])[0]
                .description == "loose cover\nrattles\nat night"
    }

    def "script in a sign-up name is refused"() {
        when:
        def response = exchange(HttpRequest.POST('/api/v1/accounts/residents', [username: SCRIPT,
                password: 'a long enough secret', displayName: 'x', communityCode: '110101001001']))

        then:
        response.status.code == 400
        TestStack.instance.rows('SELECT count(*) AS n FROM api.accounts WHERE username = ?', [SCRIPT])[0].n == 0
    }

    def "a token that is #what is refused with 401"() {
        when:
        def response = exchange(HttpRequest.GET('/api/v1/accounts/me').bearerAuth(token(resident)))

        then:
        response.status.code == 401
        response.contentType == 'application/problem+json'

        where:
        what                                  | token
        'signed with another key'             | { u -> sign(u.id, 'OPERATOR', 'another-secret-another-secret-another-secret!', Instant.parse('2999-01-01T00:00:00Z')) }
        'expired'                             | { u -> sign(u.id, 'RESIDENT', SECRET, Instant.parse('2020-01-01T00:00:00Z')) }
        'tampered to claim another role'      | { u -> tamper(u.accessToken) }
        'unsigned (alg none)'                 | { u -> unsigned(u.id) }
        'not a JWT at all'                    | { u -> 'garbage' }
    }

    def "an indicators query with #what is answered 400 naming #field"() {
        given:
        def operator = user(Role.OPERATOR)

        when:
        def response = get(operator, "/api/v1/operator/indicators${query}")

        then:
        response.status.code == 400
        response.contentType == 'application/problem+json'
        response.body().type == 'urn:citygrid:problem:invalid-query'
        response.body().errors*.field == [field]

        // every rule of the parameters: IndicatorQuerySpec; here both endpoints through HTTP
        where:
        what                             | query                                                                     || field
        'SQL as the dimension'           | "?dimension=${URLEncoder.encode(SQL, 'UTF-8')}"                           || 'dimension'
        'script as the code'             | "/daily?dimension=category&code=${URLEncoder.encode(SCRIPT, 'UTF-8')}"    || 'code'
    }

    def "a replayed Idempotency-Key with a different #what is refused with 422 and only the first is kept"() {
        given:
        def who = user(role, [department: 'DRAINAGE'])
        def c = ReadModelFixture.insertCase(state: 'DISPATCHED', department: 'DRAINAGE')
        def path = endpoint.replace('{case}', c.caseId)
        def key = UUID.randomUUID().toString()
        def first = post(who, path, firstBody, key)

        when:
        def replay = post(who, path, secondBody, key)

        then:
        first.status.code in [201, 202]
        replay.status.code == 422
        replay.contentType == 'application/problem+json'
        replay.body().type == 'urn:citygrid:problem:idempotency-key-reused'
        TestStack.instance.rows(stored, [who.id])[0].n == 1

        where:
        what          | role          | endpoint                         | firstBody                               | secondBody                               || stored
        'case step'   | Role.HANDLER  | '/api/v1/cases/{case}/actions'   | [type: 'Return', reason: 'not ours']    | [type: 'Return', reason: 'gas company']  || 'SELECT count(*) AS n FROM api.commands WHERE account_id = ?'
        'notice'      | Role.OPERATOR | '/api/v1/notices'                | [communityCode: '110101001001', title: 'Water off', body: '9 to 11'] | [communityCode: '110101001001', title: 'Water off', body: '9 to 12'] || 'SELECT count(*) AS n FROM api.notices WHERE author_id = ?'
        'report'      | Role.RESIDENT | '/api/v1/reports'                | report()                                | report(anonymous: true)                  || 'SELECT count(*) AS n FROM api.reports WHERE reporter_id = ?'
    }

    def "a photo that lies about its type is refused"() {
        when:
        def response = exchange(HttpRequest.POST('/api/v1/photos', Images.script()).contentType('image/png')
                .bearerAuth(resident.accessToken))

        then:
        response.status.code == 415
    }

    static String sign(String subject, String role, String key, Instant expires) {
        def claims = new JWTClaimsSet.Builder().subject(subject).claim('roles', [role])
                .issueTime(Date.from(Instant.parse('2019-12-31T00:00:00Z'))).expirationTime(Date.from(expires)).build()
        def jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims)
        jwt.sign(new MACSigner(key.bytes))
        jwt.serialize()
    }

    static String tamper(String token) {
        def (header, payload, signature) = token.tokenize('.')
        def claims = new String(Base64.urlDecoder.decode(payload), 'UTF-8').replace('"RESIDENT"', '"ADMIN"')
        [header, Base64.urlEncoder.withoutPadding().encodeToString(claims.getBytes('UTF-8')), signature].join('.')
    }

    static String unsigned(String subject) {
        def enc = { String s -> Base64.urlEncoder.withoutPadding().encodeToString(s.getBytes('UTF-8')) }
        enc('{"alg":"none"}') + '.' + enc("{\"sub\":\"${subject}\",\"roles\":[\"ADMIN\"],\"exp\":32503680000}") + '.'
    }
}
