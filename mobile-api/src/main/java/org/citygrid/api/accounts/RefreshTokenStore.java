package org.citygrid.api.accounts;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.errors.OauthErrorResponseException;
import io.micronaut.security.errors.IssuingAnAccessTokenErrorCode;
import io.micronaut.security.token.event.RefreshTokenGeneratedEvent;
import io.micronaut.security.token.refresh.RefreshTokenPersistence;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.citygrid.api.support.DataAccessException;
import io.micronaut.core.async.publisher.Publishers;
import jakarta.inject.Named;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;

/**
 * Refresh tokens in api.refresh_tokens, by SHA-256 only. A refresh re-reads the account, so a
 * disabled account or a changed role takes effect at the next refresh (within the access token's
 * 15 minutes) rather than when the refresh token would expire. Signing out revokes them all.
 */
@Singleton
class RefreshTokenStore implements RefreshTokenPersistence {

    private final DataSource dataSource;
    private final AccountRepository accounts;
    private final TokenClaims claims;
    private final Clock clock;
    private final ExecutorService blocking;

    RefreshTokenStore(DataSource dataSource, AccountRepository accounts, TokenClaims claims, Clock clock,
                      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.blocking = blocking;
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.claims = claims;
        this.clock = clock;
    }

    @Override
    public void persistToken(RefreshTokenGeneratedEvent event) {
        String sql = "INSERT INTO api.refresh_tokens (token_sha256, account_id, issued_at) VALUES (?,?,?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, sha256(event.getRefreshToken()));
            s.setString(2, event.getAuthentication().getName());
            s.setTimestamp(3, Timestamp.from(clock.instant()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot store a refresh token", e);
        }
    }

    @Override
    public Publisher<Authentication> getAuthentication(String refreshToken) {
        // off the event loop: it reads the database
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(() -> lookUp(refreshToken), blocking));
    }

    private Authentication lookUp(String refreshToken) {
        String sql = "SELECT account_id, revoked FROM api.refresh_tokens WHERE token_sha256 = ?";
        String accountId;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, sha256(refreshToken));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getBoolean("revoked")) {
                    throw new OauthErrorResponseException(IssuingAnAccessTokenErrorCode.INVALID_GRANT,
                            "refresh token revoked or unknown", null);
                }
                accountId = rs.getString("account_id");
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read refresh tokens", e);
        }
        return accounts.byId(accountId).filter(a -> !a.disabled()).map(claims::authentication)
                .orElseThrow(() -> new OauthErrorResponseException(IssuingAnAccessTokenErrorCode.INVALID_GRANT,
                        "the account is disabled", null));
    }

    /** Revokes every refresh token of the account (sign-out on all devices). */
    void revokeAll(String accountId) {
        String sql = "UPDATE api.refresh_tokens SET revoked = true WHERE account_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, accountId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot revoke refresh tokens", e);
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
