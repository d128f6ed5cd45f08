package org.citygrid.api.idempotency.persistence;

import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.citygrid.api.idempotency.IdempotencyStore;
import org.citygrid.api.persistence.Jdbc;

/** {@link IdempotencyStore} in api.idempotency_keys. */
@Singleton
final class JdbcIdempotencyStore implements IdempotencyStore {

    private final Jdbc jdbc;

    JdbcIdempotencyStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean claim(String owner, String key, String requestHash, Instant now) {
        return jdbc.update("cannot claim an idempotency key",
                "INSERT INTO api.idempotency_keys (owner_id, key, request_sha256, created_at) VALUES (?,?,?,?) "
                        + "ON CONFLICT (owner_id, key) DO NOTHING",
                owner, key, requestHash, Timestamp.from(now)) == 1;
    }

    @Override
    public Optional<Entry> find(String owner, String key) {
        return jdbc.first("cannot read an idempotency key",
                "SELECT request_sha256, status, location, response::text, created_at FROM api.idempotency_keys "
                        + "WHERE owner_id = ? AND key = ?",
                rs -> {
                    int status = rs.getInt(2);
                    return new Entry(rs.getString(1), rs.wasNull() ? null : status, rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant());
                },
                owner, key);
    }

    @Override
    public void complete(String owner, String key, int status, String location, String responseJson) {
        jdbc.update("cannot record an idempotent answer",
                "UPDATE api.idempotency_keys SET status = ?, location = ?, response = ?::jsonb WHERE owner_id = ? AND key = ?",
                status, location, responseJson, owner, key);
    }

    @Override
    public int purgeOlderThan(Instant before) {
        return jdbc.update("cannot purge idempotency keys", "DELETE FROM api.idempotency_keys WHERE created_at < ?",
                Timestamp.from(before));
    }

    @Override
    public void release(String owner, String key) {
        jdbc.update("cannot release an idempotency key",
                "DELETE FROM api.idempotency_keys WHERE owner_id = ? AND key = ? AND status IS NULL", owner, key);
    }
}
