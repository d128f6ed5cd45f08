package org.citygrid.api.accounts

import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.test.annotation.MockBean
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.OffsetClock
import org.citygrid.api.testkit.TestStack
import org.citygrid.model.cases.Role

import java.time.Clock
import java.time.Duration
import java.time.Instant

/**
 * Refresh tokens rotate and expire; a rotated token used again ends its whole family; an administrator
 * disables an account and its tokens stop working (issue 13, item 6). Through HTTP on the real
 * database, with the API's clock moved on by hand for the month-long expiry.
 */
@MicronautTest
class TokensSpec extends ApiSpec {

    static final OffsetClock CLOCK = new OffsetClock()

    @MockBean(Clock)
    Clock clock() {
        CLOCK
    }

    def cleanup() {
        CLOCK.reset()
    }

    TestResponse refresh(String refreshToken) {
        exchange(HttpRequest.POST('/api/v1/auth/token', "grant_type=refresh_token&refresh_token=${refreshToken}")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED))
    }

    Map signIn(TestUser who) {
        http.toBlocking().retrieve(HttpRequest.POST('/api/v1/auth/sign-in', [username: who.username, password: who.password]), Map)
    }

    def "every refresh answers a new refresh token, and the one used is used up"() {
        given:
        def person = user(Role.RESIDENT)

        when:
        def first = refresh(person.refreshToken)
        def second = refresh(first.body().refresh_token as String)

        then: 'each answer carries a new pair'
        first.status.code == 200
        second.status.code == 200
        [person.refreshToken, first.body().refresh_token, second.body().refresh_token].toSet().size() == 3
        get(new TestUser(person.id, person.username, person.password, person.role, second.body().access_token as String, null),
                '/api/v1/accounts/me').body().id == person.id
        first.body().token_type == 'Bearer'
        first.body().expires_in == 900
    }

    def "a rotated token used again ends every session of that sign-in, says so, and leaves the person's other sign-ins alone"() {
        given: 'a phone signed in and refreshed twice; a tablet signed in separately'
        def person = user(Role.GRID_WORKER)
        def rotatedOnce = refresh(person.refreshToken).body().refresh_token as String
        def current = refresh(rotatedOnce).body().refresh_token as String
        def tablet = signIn(person).refresh_token as String

        when: 'someone replays the token the phone used first'
        def replay = refresh(person.refreshToken)

        then:
        replay.status.code == 401
        replay.body().type == 'urn:citygrid:problem:refresh-token-reused'
        replay.body().detail.contains('这次登录的所有会话都已注销')
        replay.body().detail.contains('every session of that sign-in has been signed out')

        and: 'the phone\'s current token, a descendant of the replayed one, is dead too'
        refresh(current).body().type == 'urn:citygrid:problem:refresh-token-revoked'

        and: 'the tablet\'s session came from another sign-in and goes on'
        refresh(tablet).status.code == 200
    }

    def "a refresh token lives 30 days from its issue"() {
        given:
        def person = user(Role.HANDLER)
        def issued = TestStack.instance.rows('SELECT issued_at, expires_at FROM api.refresh_tokens WHERE account_id = ?', [person.id])[0]

        expect: 'stored with its end'
        Duration.between((issued.issued_at as java.sql.Timestamp).toInstant(), (issued.expires_at as java.sql.Timestamp).toInstant()) == Duration.ofDays(30)

        when: 'used after 29 days: it works, and its successor has 30 days again'
        CLOCK.advance(Duration.ofDays(29))
        def renewed = refresh(person.refreshToken)

        then:
        renewed.status.code == 200

        when: 'the successor is used 30 days and a minute later'
        CLOCK.advance(Duration.ofDays(30).plusMinutes(1))
        def late = refresh(renewed.body().refresh_token as String)

        then:
        late.status.code == 401
        late.body().type == 'urn:citygrid:problem:refresh-token-expired'
        late.body().detail.contains('已过期')
    }

    def "an administrator disables an account: its refresh token stops at once, its access token at its next request"() {
        given:
        def admin = user(Role.ADMIN)
        def operator = user(Role.OPERATOR)
        assert get(operator, '/api/v1/accounts/me').status.code == 200

        when:
        def disabled = post(admin, "/api/v1/admin/accounts/${operator.id}/disable", '', null)

        then:
        disabled.status.code == 200
        disabled.body().disabled == true

        and: 'the access token is refused at once, and the answer says why'
        def refused = get(operator, '/api/v1/accounts/me')
        refused.status.code == 401
        refused.body().type == 'urn:citygrid:problem:account-disabled'
        refused.body().detail.contains('已被管理员停用')

        and: 'the refresh token too, and the password'
        refresh(operator.refreshToken).body().type == 'urn:citygrid:problem:refresh-token-revoked'
        exchange(HttpRequest.POST('/api/v1/auth/sign-in', [username: operator.username, password: operator.password]))
                .body().type == 'urn:citygrid:problem:account-disabled'

        when: 'enabled again'
        def enabled = post(admin, "/api/v1/admin/accounts/${operator.id}/enable", '', null)

        then: 'the old tokens stay dead'
        enabled.body().disabled == false
        get(operator, '/api/v1/accounts/me').body().type == 'urn:citygrid:problem:token-revoked'
        refresh(operator.refreshToken).status.code == 401

        when: 'a sign-in after the second of the disable (a token says its issue time in whole seconds)'
        Thread.sleep(1000 - Instant.now().toEpochMilli() % 1000 + 50)
        def fresh = signIn(operator)

        then: 'works'
        get(new TestUser(operator.id, operator.username, operator.password, operator.role, fresh.access_token as String, null),
                '/api/v1/accounts/me').status.code == 200
    }

    def "#who disabling #target gets #status"() {
        given:
        def admin = user(Role.ADMIN)
        def caller = who == 'the administrator' ? admin : user(Role.OPERATOR)
        String id = target == 'themselves' ? caller.id : target == 'nobody' ? 'resident-none' : user(Role.RESIDENT).id

        expect:
        post(caller, "/api/v1/admin/accounts/${id}/disable", '', null).status.code == status

        where:
        who                 | target       || status
        'the administrator' | 'themselves' || 409
        'the administrator' | 'nobody'     || 404
        'an operator'       | 'a resident' || 403
    }
}
