package org.citygrid.api.accounts

import io.micronaut.http.HttpRequest
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.TestStack
import org.citygrid.model.cases.Role

@MicronautTest
class AccountsSpec extends ApiSpec {

    def "a resident signs up, signs in and sees their own account"() {
        given:
        String username = "resident-${System.nanoTime()}"

        when:
        def created = http.toBlocking().exchange(HttpRequest.POST('/api/v1/accounts/residents',
                [username: username, password: 'a long enough secret', displayName: 'Wang Fang', communityCode: '110101001001']), Map)
        def tokens = http.toBlocking().retrieve(HttpRequest.POST('/api/v1/auth/sign-in',
                [username: username, password: 'a long enough secret']), Map)
        def me = http.toBlocking().retrieve(HttpRequest.GET('/api/v1/accounts/me').bearerAuth(tokens.access_token), Map)

        then:
        created.status.code == 201
        tokens.token_type == 'Bearer'
        tokens.refresh_token
        me.username == username
        me.role == 'RESIDENT'
        me.communityCode == '110101001001'
        !me.containsKey('passwordHash')
    }

    def "passwords are stored as Argon2id hashes, never in clear"() {
        given:
        def worker = user(Role.GRID_WORKER)

        expect:
        def hash = TestStack.instance.rows('SELECT password_hash FROM api.accounts WHERE id = ?', [worker.id])[0].password_hash
        hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')
        !hash.contains(worker.password)
    }

    def "a wrong password is refused with a problem body and no token"() {
        given:
        def resident = user(Role.RESIDENT)

        when:
        http.toBlocking().exchange(HttpRequest.POST('/api/v1/auth/sign-in',
                [username: resident.username, password: 'not the password']), Map)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 401
        e.response.contentType.get().toString() == 'application/problem+json'
    }

    def "a refresh token gives a new access token for the same account"() {
        given:
        def handler = user(Role.HANDLER, [department: 'DRAINAGE'])

        when:
        def refreshed = http.toBlocking().retrieve(HttpRequest.POST('/api/v1/auth/token',
                [grant_type: 'refresh_token', refresh_token: handler.refreshToken]), Map)
        def me = http.toBlocking().retrieve(HttpRequest.GET('/api/v1/accounts/me').bearerAuth(refreshed.access_token), Map)

        then:
        me.id == handler.id
        me.department == 'DRAINAGE'
    }

    def "after signing out the refresh token no longer works"() {
        given:
        def operator = user(Role.OPERATOR)

        when:
        http.toBlocking().exchange(HttpRequest.POST('/api/v1/auth/sign-out', '').bearerAuth(operator.accessToken))
        http.toBlocking().exchange(HttpRequest.POST('/api/v1/auth/token',
                [grant_type: 'refresh_token', refresh_token: operator.refreshToken]), Map)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code in [400, 401, 403]
    }

    def "only an administrator creates staff accounts"() {
        given:
        def admin = user(Role.ADMIN)
        def operator = user(Role.OPERATOR)
        def body = [username: "handler-${System.nanoTime()}".toString(), password: 'a long enough secret', displayName: 'Li Lei',
                    role    : 'HANDLER', department: 'SANITATION']

        when:
        def created = http.toBlocking().retrieve(HttpRequest.POST('/api/v1/accounts', body).bearerAuth(admin.accessToken), Map)

        then:
        created.role == 'HANDLER'
        created.department == 'SANITATION'

        when:
        http.toBlocking().exchange(HttpRequest.POST('/api/v1/accounts', body + [username: "x-${System.nanoTime()}".toString()])
                .bearerAuth(operator.accessToken), Map)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 403
    }

    def "a handler account without a department is refused with the field named"() {
        given:
        def admin = user(Role.ADMIN)

        when:
        http.toBlocking().exchange(HttpRequest.POST('/api/v1/accounts', [username: "h-${System.nanoTime()}".toString(),
                password: 'a long enough secret', displayName: 'No Dept', role: 'HANDLER']).bearerAuth(admin.accessToken), Map)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 422
        e.response.getBody(Map).get().errors*.field == ['department']
    }
}
