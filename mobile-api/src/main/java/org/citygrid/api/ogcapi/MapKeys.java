package org.citygrid.api.ogcapi;

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

/**
 * Read-only keys for the map services (features and tiles): random 256-bit keys, stored as SHA-256,
 * looked up by hash. A key of their own rather than Open311's, because an Open311 key may post
 * requests and a map key must be safe to paste into a QGIS project shared around a department.
 */
@Singleton
public class MapKeys {

    /** The role a map key authenticates with; it grants nothing but the map services. */
    public static final String ROLE = "MAP_READER";
    /** Header carrying the key (GDAL: {@code --config GDAL_HTTP_HEADERS "X-API-Key: ..."}). */
    public static final String HEADER = "X-API-Key";
    /** Query parameter carrying the key, for clients that only take a URL (QGIS XYZ tiles, GDAL). */
    public static final String QUERY_PARAMETER = "key";

    private final DataSource dataSource;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MapKeys(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Creates a key for {@code client} and returns it: the only time it is visible. */
    public IssuedKey issue(String client) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String id = "map-" + UUID.randomUUID().toString().substring(0, 8);
        String sql = "INSERT INTO api.map_keys (id, key_sha256, client, created_at) VALUES (?,?,?,?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            s.setString(2, sha256(key));
            s.setString(3, client);
            s.setTimestamp(4, Timestamp.from(clock.instant()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot store a map key", e);
        }
        return new IssuedKey(id, client, key);
    }

    /** The id of the enabled key {@code key}, or empty. */
    public Optional<String> verify(String key) {
        if (key == null || key.isBlank() || key.length() > 128) {
            return Optional.empty();
        }
        String sql = "SELECT id FROM api.map_keys WHERE key_sha256 = ? AND NOT disabled";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, sha256(key));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot check a map key", e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A newly issued key; {@code key} is shown only in this answer. */
    public record IssuedKey(String id, String client, String key) {
    }
}
