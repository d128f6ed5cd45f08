package org.citygrid.api.idempotency;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.citygrid.api.support.DataAccessException;

/** api.idempotency_keys: claims a key, then records the answer given under it. */
@Singleton
class IdempotencyStore {

    private final DataSource dataSource;

    IdempotencyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** {@code true} when this call claimed the key; {@code false} when it was claimed before. */
    boolean claim(String owner, String key, String requestHash, Instant now) {
        String sql = "INSERT INTO api.idempotency_keys (owner_id, key, request_sha256, created_at) VALUES (?,?,?,?) "
                + "ON CONFLICT (owner_id, key) DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, owner);
            s.setString(2, key);
            s.setString(3, requestHash);
            s.setTimestamp(4, Timestamp.from(now));
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new DataAccessException("cannot claim an idempotency key", e);
        }
    }

    Optional<Entry> find(String owner, String key) {
        String sql = "SELECT request_sha256, status, location, response::text, created_at FROM api.idempotency_keys "
                + "WHERE owner_id = ? AND key = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, owner);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int status = rs.getInt(2);
                return Optional.of(new Entry(rs.getString(1), rs.wasNull() ? null : status, rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()));
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read an idempotency key", e);
        }
    }

    void complete(String owner, String key, int status, String location, String responseJson) {
        String sql = "UPDATE api.idempotency_keys SET status = ?, location = ?, response = ?::jsonb "
                + "WHERE owner_id = ? AND key = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, status);
            s.setString(2, location);
            s.setString(3, responseJson);
            s.setString(4, owner);
            s.setString(5, key);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot record an idempotent answer", e);
        }
    }

    /** Gives the key back when the first attempt failed, so that a retry can try again. */
    void release(String owner, String key) {
        String sql = "DELETE FROM api.idempotency_keys WHERE owner_id = ? AND key = ? AND status IS NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, owner);
            s.setString(2, key);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot release an idempotency key", e);
        }
    }

    record Entry(String requestHash, Integer status, String location, String responseJson, Instant createdAt) {
    }
}
