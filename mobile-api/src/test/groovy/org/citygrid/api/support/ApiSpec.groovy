package org.citygrid.api.support

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
        def account = context.getBean(AccountService).create(username, password, "Test ${role}", role,
                (String) scope.department ?: (role == Role.HANDLER ? 'DRAINAGE' : null),
                (String) scope.community ?: (role == Role.RESIDENT ? '110101001001' : null),
                (List<String>) scope.grids ?: [])
        def tokens = http.toBlocking().retrieve(HttpRequest.POST('/api/v1/auth/sign-in',
                [username: username, password: password]), Map)
        new TestUser(account.id(), username, password, role, tokens.access_token as String, tokens.refresh_token as String)
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
