package org.citygrid.api.accounts.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.citygrid.api.accounts.RefreshTokens;
import org.citygrid.api.persistence.Jdbc;

/** {@link RefreshTokens} in api.refresh_tokens. */
@Singleton
final class JdbcRefreshTokens implements RefreshTokens {

    private static final String INSERT = "INSERT INTO api.refresh_tokens "
            + "(token_sha256, account_id, family_id, issued_at, expires_at) VALUES (?,?,?,?,?)";

    private final Jdbc jdbc;

    JdbcRefreshTokens(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void insert(Issued token) {
        jdbc.update("cannot store a refresh token", INSERT, token.tokenSha256(), token.accountId(), token.familyId(),
                Timestamp.from(token.issuedAt()), Timestamp.from(token.expiresAt()));
    }

    @Override
    public Optional<Issued> find(String tokenSha256) {
        return jdbc.first("cannot read refresh tokens",
                "SELECT token_sha256, account_id, family_id, issued_at, expires_at, replaced_at, revoked "
                        + "FROM api.refresh_tokens WHERE token_sha256 = ?",
                JdbcRefreshTokens::issued, tokenSha256);
    }

    @Override
    public boolean rotate(String oldSha256, Issued next, Instant now) {
        return jdbc.inTransaction("cannot rotate a refresh token", c -> {
            boolean won = Jdbc.update(c, "UPDATE api.refresh_tokens SET replaced_at = ? "
                    + "WHERE token_sha256 = ? AND replaced_at IS NULL AND NOT revoked", Timestamp.from(now), oldSha256) == 1;
            if (won) {
                Jdbc.update(c, INSERT, next.tokenSha256(), next.accountId(), next.familyId(),
                        Timestamp.from(next.issuedAt()), Timestamp.from(next.expiresAt()));
            }
            return won;
        });
    }

    @Override
    public void revokeFamily(String familyId) {
        jdbc.update("cannot revoke refresh tokens", "UPDATE api.refresh_tokens SET revoked = true WHERE family_id = ?",
                familyId);
    }

    @Override
    public void revokeAll(String accountId) {
        jdbc.update("cannot revoke refresh tokens", "UPDATE api.refresh_tokens SET revoked = true WHERE account_id = ?",
                accountId);
    }

    private static Issued issued(ResultSet rs) throws SQLException {
        Timestamp replaced = rs.getTimestamp("replaced_at");
        return new Issued(rs.getString("token_sha256"), rs.getString("account_id"), rs.getString("family_id"),
                rs.getTimestamp("issued_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                replaced == null ? null : replaced.toInstant(), rs.getBoolean("revoked"));
    }
}
