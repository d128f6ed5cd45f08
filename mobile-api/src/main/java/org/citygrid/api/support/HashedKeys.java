package org.citygrid.api.support;

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

/**
 * Keys handed to other systems (Open311 clients, GIS tools): random 256-bit values of which only the
 * SHA-256 is stored, so a leaked table opens nothing; a key is looked up by its hash. Each kind of
 * key has its own table with columns {@code id, key_sha256, client, created_at, disabled}.
 */
public final class HashedKeys {

    /** Longer than any key this class issues (43 characters): a bigger value is not worth hashing. */
    private static final int MAX_KEY_LENGTH = 128;

    private final DataSource dataSource;
    private final Clock clock;
    private final String table;
    private final String idPrefix;
    private final String kind;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param table    schema-qualified table, a constant of the caller (never input)
     * @param idPrefix start of every key id, telling the kinds apart in logs
     * @param kind     what the key is called in error messages, e.g. "an api_key"
     */
    public HashedKeys(DataSource dataSource, Clock clock, String table, String idPrefix, String kind) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.table = table;
        this.idPrefix = idPrefix;
        this.kind = kind;
    }

    /** Creates a key for {@code client}; the answer is the only time the key itself is visible. */
    public Issued issue(String client) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String id = idPrefix + UUID.randomUUID().toString().substring(0, 8);
        String sql = "INSERT INTO " + table + " (id, key_sha256, client, created_at) VALUES (?,?,?,?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            s.setString(2, sha256(key));
            s.setString(3, client);
            s.setTimestamp(4, Timestamp.from(clock.instant()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot store " + kind, e);
        }
        return new Issued(id, client, key);
    }

    /** The holder of {@code key} if it is a key of this kind and not disabled. */
    public Optional<Holder> verify(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        String sql = "SELECT id, client FROM " + table + " WHERE key_sha256 = ? AND NOT disabled";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, sha256(key));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Holder(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot check " + kind, e);
        }
    }

    /**
     * Sets {@code disabled} on the key {@code id}, so that it opens nothing from now on.
     *
     * @return false when there is no key of this kind with that id
     */
    public boolean disable(String id) {
        String sql = "UPDATE " + table + " SET disabled = true WHERE id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new DataAccessException("cannot revoke " + kind, e);
        }
    }

    /** The SHA-256 of a presented key, as stored: what a cache of verified keys may hold instead of the key. */
    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A key just made. */
    public record Issued(String id, String client, String key) {
    }

    /** Who a key belongs to. */
    public record Holder(String id, String client) {
    }
}
