package org.citygrid.api.security

import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.TestStack
import org.citygrid.model.cases.Role
import spock.lang.Shared

/**
 * The management endpoints under /manage (issue 13: anonymous GET /manage/threaddump and /manage/routes
 * answered 200): health for anyone, its details for administrators; the rest for ADMIN; the endpoints
 * that show the inside of the process or change it are off unless configured.
 */
@MicronautTest
class ManagementSpec extends ApiSpec {

    @Shared
    Map<String, TestUser> people = [:]

    def setup() {
        if (people.isEmpty()) {
            people.RESIDENT = user(Role.RESIDENT)
            people.OPERATOR = user(Role.OPERATOR)
            people.ADMIN = user(Role.ADMIN)
        }
    }

    int status(String method, String path, String who) {
        def request = HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), path)
        if (who != 'anonymous') {
            request.bearerAuth(people[who].accessToken)
        }
        exchange(request).status.code
    }

    def "#method #path: anonymous #anonymous, resident #resident, operator #operator, administrator #admin"() {
        expect:
        [status(method, path, 'anonymous'), status(method, path, 'RESIDENT'), status(method, path, 'OPERATOR'),
         status(method, path, 'ADMIN')] == [anonymous, resident, operator, admin]

        where:
        method | path                     || anonymous | resident | operator | admin
        'GET'  | '/manage/health'         || 200       | 200      | 200      | 200
        'GET'  | '/manage/prometheus'     || 401       | 403      | 403      | 200
        'GET'  | '/manage/metrics'        || 401       | 403      | 403      | 200
        'GET'  | '/manage/info'           || 401       | 403      | 403      | 200
        // off unless configured: no such endpoint, answered as any unknown path is (404, a problem), for administrators too
        'GET'  | '/manage/threaddump'     || 404       | 404      | 404      | 404
        'GET'  | '/manage/beans'          || 404       | 404      | 404      | 404
        'GET'  | '/manage/routes'         || 404       | 404      | 404      | 404
        'GET'  | '/manage/loggers'        || 404       | 404      | 404      | 404
        'GET'  | '/manage/env'            || 404       | 404      | 404      | 404
        'POST' | '/manage/refresh'        || 404       | 404      | 404      | 404
        'POST' | '/manage/stop'           || 404       | 404      | 404      | 404
    }

    def "health tells everyone the status, and only an administrator what was checked"() {
        when:
        def anonymous = exchange(HttpRequest.GET('/manage/health')).body() as Map
        def operator = get(people.OPERATOR, '/manage/health').body() as Map
        def admin = get(people.ADMIN, '/manage/health').body() as Map

        then:
        anonymous.status == 'UP'
        !anonymous.containsKey('details')
        operator.status == 'UP'
        !operator.containsKey('details')
        admin.status == 'UP'
        (admin.details as Map).containsKey('jdbc')
    }

    def "an endpoint turned on in the configuration is for administrators only"() {
        given: 'an instance with the thread dump and the route list turned on'
        def props = new LinkedHashMap<String, Object>(TestStack.instance.properties())
        props['endpoints.threaddump.enabled'] = 'true'
        props['endpoints.routes.enabled'] = 'true'
        def server = ApplicationContext.run(EmbeddedServer, props)
        def client = server.applicationContext.createBean(HttpClient, server.URL)
        def admin = server.applicationContext.getBean(org.citygrid.api.accounts.AccountService)
                .create("admin-${System.nanoTime()}".toString(), 'an admin password', 'Admin', Role.ADMIN, null, null, [])
        def token = client.toBlocking().retrieve(HttpRequest.POST('/api/v1/auth/sign-in',
                [username: admin.username(), password: 'an admin password']), Map).access_token as String
        def call = { String path, String bearer ->
            try {
                def r = HttpRequest.GET(path)
                client.toBlocking().exchange(bearer ? r.bearerAuth(bearer) : r, String).status.code
            } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
                e.status.code
            }
        }

        expect:
        call('/manage/threaddump', null) == 401
        call('/manage/routes', null) == 401
        call('/manage/threaddump', people.RESIDENT.accessToken) == 403
        call('/manage/threaddump', token) == 200
        call('/manage/routes', token) == 200

        cleanup:
        client?.close()
        server?.stop()
    }
}
