package org.citygrid.api

import io.micronaut.http.HttpRequest
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.model.cases.Role

@MicronautTest
class SkeletonSpec extends ApiSpec {

    def "health is UP with the database checked"() {
        when:
        def health = http.toBlocking().retrieve(HttpRequest.GET('/manage/health'), Map)

        then:
        health.status == 'UP'
    }

    def "metrics are exposed for Prometheus, to an administrator"() {
        when:
        def text = http.toBlocking().retrieve(HttpRequest.GET('/manage/prometheus').bearerAuth(user(Role.ADMIN).accessToken), String)

        then:
        text.contains('jvm_memory_used_bytes')
    }

    def "an unknown path is answered with a problem details body"() {
        when:
        http.toBlocking().exchange(HttpRequest.GET('/api/v1/no-such-thing'), Map)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 404 || e.status.code == 401
        e.response.contentType.get().toString() == 'application/problem+json'
        def body = e.response.getBody(Map).get()
        body.status == e.status.code
        body.title
        body.instance == '/api/v1/no-such-thing'
    }

    def "a body the route does not take is 415 with a problem that says what it takes"() {
        when:
        http.toBlocking().exchange(HttpRequest.POST('/api/v1/reports', 'a pothole')
                .contentType('text/plain').bearerAuth(user(Role.RESIDENT).accessToken), Map)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 415
        e.response.contentType.get().toString() == 'application/problem+json'
        def problem = e.response.getBody(Map).get()
        problem.status == 415
        problem.detail == 'Content Type [text/plain] not allowed. Allowed types: [application/json]'
        problem.instance == '/api/v1/reports'
    }

    def "an unknown path is 404 for a signed-in caller too"() {
        when:
        http.toBlocking().exchange(HttpRequest.GET('/api/v1/no-such-thing').bearerAuth(user(Role.RESIDENT).accessToken), Map)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 404
        e.response.contentType.get().toString() == 'application/problem+json'
        e.response.getBody(Map).get().instance == '/api/v1/no-such-thing'
    }
}
