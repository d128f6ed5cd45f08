package org.citygrid.api.accounts;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.errors.IssuingAnAccessTokenErrorCode;
import io.micronaut.security.errors.OauthErrorResponseException;
import io.micronaut.security.token.event.RefreshTokenGeneratedEvent;
import io.micronaut.security.token.refresh.RefreshTokenPersistence;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.citygrid.model.hash.Sha256;
import org.reactivestreams.Publisher;

/**
 * Refresh tokens in api.refresh_tokens, by SHA-256 only. A refresh re-reads the account, so a
 * disabled account or a changed role takes effect at the next refresh (within the access token's
 * 15 minutes) rather than when the refresh token would expire. Signing out revokes them all.
 */
@Singleton
class RefreshTokenStore implements RefreshTokenPersistence {

    private final RefreshTokens tokens;
    private final AccountRepository accounts;
    private final TokenClaims claims;
    private final Clock clock;
    private final ExecutorService blocking;

    RefreshTokenStore(RefreshTokens tokens, AccountRepository accounts, TokenClaims claims, Clock clock,
                      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.blocking = blocking;
        this.tokens = tokens;
        this.accounts = accounts;
        this.claims = claims;
        this.clock = clock;
    }

    @Override
    public void persistToken(RefreshTokenGeneratedEvent event) {
        tokens.insert(Sha256.hex(event.getRefreshToken()), event.getAuthentication().getName(), clock.instant());
    }

    @Override
    public Publisher<Authentication> getAuthentication(String refreshToken) {
        // off the event loop: it reads the database
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(() -> lookUp(refreshToken), blocking));
    }

    private Authentication lookUp(String refreshToken) {
        String accountId = tokens.find(Sha256.hex(refreshToken)).filter(t -> !t.revoked())
                .map(RefreshTokens.Issued::accountId)
                .orElseThrow(() -> new OauthErrorResponseException(IssuingAnAccessTokenErrorCode.INVALID_GRANT,
                        "refresh token revoked or unknown", null));
        return accounts.byId(accountId).filter(a -> !a.disabled()).map(claims::authentication)
                .orElseThrow(() -> new OauthErrorResponseException(IssuingAnAccessTokenErrorCode.INVALID_GRANT,
                        "the account is disabled", null));
    }

    /** Revokes every refresh token of the account (sign-out on all devices). */
    void revokeAll(String accountId) {
        tokens.revokeAll(accountId);
    }
}
