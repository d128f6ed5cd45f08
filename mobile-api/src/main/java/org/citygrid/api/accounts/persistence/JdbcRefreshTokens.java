package org.citygrid.api.accounts.persistence;

import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.citygrid.api.accounts.RefreshTokens;
import org.citygrid.api.persistence.Jdbc;

/** {@link RefreshTokens} in api.refresh_tokens. */
@Singleton
final class JdbcRefreshTokens implements RefreshTokens {

    private final Jdbc jdbc;

    JdbcRefreshTokens(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void insert(String tokenSha256, String accountId, Instant issuedAt) {
        jdbc.update("cannot store a refresh token",
                "INSERT INTO api.refresh_tokens (token_sha256, account_id, issued_at) VALUES (?,?,?)",
                tokenSha256, accountId, Timestamp.from(issuedAt));
    }

    @Override
    public Optional<Issued> find(String tokenSha256) {
        return jdbc.first("cannot read refresh tokens",
                "SELECT account_id, revoked FROM api.refresh_tokens WHERE token_sha256 = ?",
                rs -> new Issued(rs.getString("account_id"), rs.getBoolean("revoked")), tokenSha256);
    }

    @Override
    public void revokeAll(String accountId) {
        jdbc.update("cannot revoke refresh tokens", "UPDATE api.refresh_tokens SET revoked = true WHERE account_id = ?",
                accountId);
    }
}
