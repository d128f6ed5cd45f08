package org.citygrid.api.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

/**
 * Checks a user name and password against api.accounts. Runs on the blocking executor (the
 * interface's default) because it reads the database and Argon2 is deliberately slow.
 */
@Singleton
final class SignInProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final TokenClaims claims;

    SignInProvider(AccountRepository accounts, PasswordHasher hasher, TokenClaims claims) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.claims = claims;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> credentials) {
        String username = credentials.getIdentity();
        String password = credentials.getSecret();
        if (username == null || password == null) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        return accounts.byUsername(username)
                .filter(a -> hasher.matches(password, a.passwordHash()))
                .map(a -> a.disabled()
                        ? AuthenticationResponse.failure(AuthenticationFailureReason.USER_DISABLED)
                        : claims.success(a))
                // the same answer for an unknown user and a wrong password: no user-name probing
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
