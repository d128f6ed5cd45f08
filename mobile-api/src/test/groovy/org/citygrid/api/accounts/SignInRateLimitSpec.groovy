package org.citygrid.api.accounts

import io.micronaut.http.HttpRequest
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec

@MicronautTest
class SignInRateLimitSpec extends ApiSpec {

    @Override
    Map<String, String> getProperties() {
        // a window far longer than the spec runs: the count, not the clock, decides
        super.properties + ['citygrid.rate-limits.sign-in.limit': '3', 'citygrid.rate-limits.sign-in.window': 'PT1H']
    }

    def "the fourth sign-in attempt from one address within the window is refused with 429 and Retry-After"() {
        given:
        def attempt = { ->
            try {
                http.toBlocking().exchange(HttpRequest.POST('/api/v1/auth/sign-in', [username: 'nobody', password: 'guess']), Map)
            } catch (HttpClientResponseException e) {
                e.response
            }
        }

        when:
        def answers = (1..4).collect { attempt() }

        then:
        answers[0..2]*.status*.code == [401, 401, 401]
        answers[3].status.code == 429
        answers[3].header('Retry-After').toInteger() > 0
        answers[3].getBody(Map).get().type == 'urn:citygrid:problem:rate-limited'
    }
}
