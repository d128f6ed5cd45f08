package org.citygrid.api.testkit

import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.support.TestPropertyProvider
import jakarta.inject.Inject
import org.citygrid.api.accounts.AccountService
import org.citygrid.model.cases.Role
import spock.lang.Specification

import java.util.concurrent.atomic.AtomicInteger

/** Base of the HTTP specs: the real stack, a blocking client, and accounts to sign in with. */
abstract class ApiSpec extends Specification implements TestPropertyProvider {

    private static final AtomicInteger SEQ = new AtomicInteger()

    @Inject
    ApplicationContext context

    @Inject
    @Client('/')
    HttpClient http

    @Override
    Map<String, String> getProperties() {
        TestStack.instance.properties()
    }

    /** A fresh account of {@code role}, with a unique user name. */
    TestUser user(Role role, Map scope = [:]) {
        String username = "${role.name().toLowerCase()}-${System.nanoTime()}-${SEQ.incrementAndGet()}"
        String password = 'correct horse battery'
        // a display name in Chinese, as people's names are: the desk's browser specs scan the page for English words
        // left over, and another spec's account can be on the page they scan (shared database)
        def account = context.getBean(AccountService).create(username, password, "测试${role.ordinal()}号${SEQ.get()}", role,
                (String) scope.department ?: (role == Role.HANDLER ? 'DRAINAGE' : null),
                (String) scope.community ?: (role == Role.RESIDENT ? '110101001001' : null),
                (List<String>) scope.grids ?: [])
        def tokens = http.toBlocking().retrieve(HttpRequest.POST('/api/v1/auth/sign-in',
                [username: username, password: password]), Map)
        new TestUser(account.id(), username, password, role, tokens.access_token as String, tokens.refresh_token as String)
    }

    /** POST with a bearer token and a fresh (or given) Idempotency-Key; returns the response, error or not. */
    def post(TestUser who, String path, Object body, String key = UUID.randomUUID().toString()) {
        def request = HttpRequest.POST(path, body).bearerAuth(who.accessToken)
        if (key != null) {
            request.header('Idempotency-Key', key)
        }
        exchange(request)
    }

    def get(TestUser who, String path) {
        exchange(HttpRequest.GET(path).bearerAuth(who.accessToken))
    }

    /** The response whatever its status, with the body read as JSON (problem bodies included). */
    TestResponse exchange(HttpRequest request) {
        try {
            def r = http.toBlocking().exchange(request, Object)
            new TestResponse(r, r.body())
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            new TestResponse(e.response, e.response.getBody(Object).orElse(null))
        }
    }

    static class TestResponse {
        final io.micronaut.http.HttpResponse<?> response
        final Object body

        TestResponse(io.micronaut.http.HttpResponse<?> response, Object body) {
            this.response = response
            this.body = body
        }

        io.micronaut.http.HttpStatus getStatus() { response.status }

        Object body() { body }

        String header(String name) { response.header(name) }

        String getContentType() { response.contentType.map { it.toString() }.orElse(null) }
    }

    /** Uploads a photo and returns its ref. */
    String photo(TestUser who, byte[] bytes = Images.jpeg(new Random().nextInt(65536))) {
        http.toBlocking().retrieve(HttpRequest.POST('/api/v1/photos', bytes).contentType('image/jpeg')
                .bearerAuth(who.accessToken), Map).ref
    }

    static class TestUser {
        final String id, username, password
        final Role role
        final String accessToken, refreshToken

        TestUser(String id, String username, String password, Role role, String accessToken, String refreshToken) {
            this.id = id; this.username = username; this.password = password; this.role = role
            this.accessToken = accessToken; this.refreshToken = refreshToken
        }
    }
}
