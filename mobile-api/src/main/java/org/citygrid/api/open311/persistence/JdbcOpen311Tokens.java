package org.citygrid.api.open311.persistence;

import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.citygrid.api.open311.Open311Tokens;
import org.citygrid.api.persistence.Jdbc;

/** {@link Open311Tokens} in api.open311_requests. */
@Singleton
final class JdbcOpen311Tokens implements Open311Tokens {

    private final Jdbc jdbc;

    JdbcOpen311Tokens(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void remember(String token, String keyId, Instant at) {
        jdbc.update("cannot record an Open311 token",
                "INSERT INTO api.open311_requests (token, key_id, created_at) VALUES (?,?,?) ON CONFLICT DO NOTHING",
                token, keyId, Timestamp.from(at));
    }

    @Override
    public boolean knows(String token) {
        return jdbc.first("cannot read Open311 tokens", "SELECT 1 FROM api.open311_requests WHERE token = ?",
                rs -> true, token).isPresent();
    }
}
