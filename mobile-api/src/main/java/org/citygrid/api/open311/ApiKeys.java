package org.citygrid.api.open311;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.citygrid.api.support.DataAccessException;

/** Open311 api_keys: random 256-bit keys, stored as SHA-256, looked up by hash. */
@Singleton
class ApiKeys {

    private final DataSource dataSource;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Creates a key for {@code client} and returns it: the only time it is visible. */
    IssuedKey issue(String client) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String id = "o311-" + UUID.randomUUID().toString().substring(0, 8);
        String sql = "INSERT INTO api.open311_keys (id, key_sha256, client, created_at) VALUES (?,?,?,?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            s.setString(2, sha256(key));
            s.setString(3, client);
            s.setTimestamp(4, Timestamp.from(clock.instant()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot store an api_key", e);
        }
        return new IssuedKey(id, client, key);
    }

    Optional<Client> verify(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        String sql = "SELECT id, client FROM api.open311_keys WHERE key_sha256 = ? AND NOT disabled";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, sha256(key));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Client(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot check an api_key", e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    record IssuedKey(String id, String client, String apiKey) {
    }

    record Client(String id, String name) {
    }
}
