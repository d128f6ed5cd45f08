package org.citygrid.api.accounts

import io.micronaut.http.HttpRequest
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.annotation.MockBean
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.OffsetClock
import org.citygrid.api.testkit.RawHttp
import org.citygrid.model.cases.Role

import java.time.Clock
import java.time.Duration
import java.util.concurrent.atomic.AtomicInteger

/**
 * The sign-in limits as an attacker meets them (issue 13): per client address on every path form the
 * router accepts, and per account whatever the address. Each feature speaks from loopback addresses
 * of its own (127.0.0.x), so the per-address counts of one feature do not spill into the next.
 */
@MicronautTest
class SignInLimitSpec extends ApiSpec {

    static final OffsetClock CLOCK = new OffsetClock()
    static final AtomicInteger ADDRESS = new AtomicInteger(10)

    @Inject
    EmbeddedServer server

    @MockBean(Clock)
    Clock clock() {
        CLOCK
    }

    @Override
    Map<String, String> getProperties() {
        // application.yml's limits (10 a minute per address, 10 failures in 15 minutes per account), with an
        // hour-long address window so that the count, not the minute's end, decides
        super.properties + ['citygrid.rate-limits.sign-in.limit'               : '10',
                            'citygrid.rate-limits.sign-in.window'              : 'PT1H',
                            'citygrid.rate-limits.sign-in-per-account.limit'   : '10',
                            'citygrid.rate-limits.sign-in-per-account.window'  : 'PT15M']
    }

    def cleanup() {
        CLOCK.reset()
    }

    /** A loopback address no other feature used. */
    static String freshAddress() {
        int n = ADDRESS.incrementAndGet()
        "127.0.${n.intdiv(250)}.${n % 250 + 2}"
    }

    RawHttp signIn(String from, String path, String username, String password) {
        RawHttp.post(server.URL, from, path, [username: username, password: password])
    }

    def "the issue's attack: 14 guesses at /api/v1/auth/sign-in/ (trailing slash): 10 are checked, 4 get 429"() {
        given:
        def victim = user(Role.OPERATOR)
        def from = freshAddress()

        when:
        def answers = (1..14).collect { signIn(from, '/api/v1/auth/sign-in/', victim.username, "guess-${it}") }

        then:
        answers*.status == [401] * 10 + [429] * 4
        answers.drop(10).every { it.header('Retry-After').toInteger() > 0 }
        answers[10].json.type == 'urn:citygrid:problem:rate-limited'
        answers[10].json.detail.contains('此地址的登录尝试过多')
    }

    def "#form (#endpoint) is counted: once the address has used its attempts, it answers 429"() {
        given: 'an address that used its 10 attempts on the plain path'
        def from = freshAddress()
        10.times { assert signIn(from, '/api/v1/auth/sign-in', 'nobody', 'guess').status == 401 }

        when:
        def answer = RawHttp.send(server.URL, from, 'POST', form, contentType, body)

        then: 'refused before any password or token is looked at'
        answer.status == 429
        answer.json.type == 'urn:citygrid:problem:rate-limited'

        where:
        form                           | endpoint  | contentType                         | body
        '/api/v1/auth/sign-in'         | 'sign-in' | 'application/json'                  | '{"username":"a","password":"b"}'
        '/api/v1/auth/sign-in/'        | 'sign-in' | 'application/json'                  | '{"username":"a","password":"b"}'
        '/api/v1/auth/sign-in?lang=en' | 'sign-in' | 'application/json'                  | '{"username":"a","password":"b"}'
        '/api/v1/auth/sign-in'         | 'sign-in' | 'application/x-www-form-urlencoded' | 'username=a&password=b'
        '/api/v1/auth/token'           | 'refresh' | 'application/x-www-form-urlencoded' | 'grant_type=refresh_token&refresh_token=x'
        '/api/v1/auth/token/'          | 'refresh' | 'application/x-www-form-urlencoded' | 'grant_type=refresh_token&refresh_token=x'
        '/api/v1/accounts/residents/'  | 'sign-up' | 'application/json'                  | '{"username":"abc"}'
    }

    def "#form is no route to the sign-in: even the right password signs nobody in there"() {
        given:
        def person = user(Role.RESIDENT)

        when: 'from an address with all its attempts left'
        def answer = RawHttp.post(server.URL, freshAddress(), form, [username: person.username, password: person.password])

        then: 'the router does not take it: it is answered as any unknown path, 404 with a problem'
        answer.status == 404
        answer.json.type == 'about:blank'
        answer.json.instance == form
        !answer.body.contains('access_token')

        where:
        form << ['//api/v1/auth/sign-in', '/api/v1//auth/sign-in', '/API/V1/AUTH/SIGN-IN', '/api/v1/auth/Sign-In']
    }

    def "HTTP Basic credentials on another path are no way round the limits: they authenticate nobody"() {
        given:
        def person = user(Role.RESIDENT)
        def basic = "${person.username}:${person.password}".bytes.encodeBase64().toString()

        expect: 'the right password, sent as Basic credentials, does not sign anybody in'
        exchange(HttpRequest.GET('/api/v1/accounts/me').header('Authorization', "Basic ${basic}")).status.code == 401
    }

    def "guesses at one account from ever new addresses: after 10 failures the account answers 429, in Chinese and English, with the time to come back"() {
        given:
        def victim = user(Role.HANDLER)
        def other = user(Role.HANDLER)

        when: 'twelve guesses, each from an address of its own'
        def answers = (1..12).collect { signIn(freshAddress(), '/api/v1/auth/sign-in', victim.username, "guess-${it}") }
        def rightPassword = signIn(freshAddress(), '/api/v1/auth/sign-in', victim.username, victim.password)

        then: 'ten were checked; from then on the account is locked, the right password too'
        answers*.status == [401] * 10 + [429] * 2
        rightPassword.status == 429
        def locked = answers[10]
        locked.json.type == 'urn:citygrid:problem:sign-in-locked'
        locked.header('Retry-After').toInteger() in 800..900
        locked.json.detail.contains('此账号已暂时锁定')
        locked.json.detail.contains('locked until')
        locked.json.detail =~ /北京时间 \d\d:\d\d/

        and: 'another account is not affected'
        signIn(freshAddress(), '/api/v1/auth/sign-in', other.username, other.password).status == 200

        when: 'the window ends'
        CLOCK.advance(Duration.ofMinutes(15))

        then: 'the person signs in again'
        signIn(freshAddress(), '/api/v1/auth/sign-in', victim.username, victim.password).status == 200
    }

    def "a person who signs in forgets their earlier slips: failures count only until a success"() {
        given:
        def person = user(Role.RESIDENT)
        def from = freshAddress()

        when: 'nine slips, a success, nine slips again'
        9.times { assert signIn(from, '/api/v1/auth/sign-in', person.username, 'slip').status == 401 }
        def success = signIn(freshAddress(), '/api/v1/auth/sign-in', person.username, person.password)
        def more = (1..9).collect { signIn(freshAddress(), '/api/v1/auth/sign-in', person.username, 'slip').status }

        then:
        success.status == 200
        more == [401] * 9
        signIn(freshAddress(), '/api/v1/auth/sign-in', person.username, person.password).status == 200
    }
}
