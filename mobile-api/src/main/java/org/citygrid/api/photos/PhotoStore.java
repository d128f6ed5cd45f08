package org.citygrid.api.photos;

import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.citygrid.api.support.DataAccessException;
import org.citygrid.api.support.StringColumn;
import org.citygrid.model.cases.Evidence;

/** api.photos: uploaded images, addressed as {@code photo/<id>} in reports and evidence. */
@Singleton
public class PhotoStore {

    public static final String REF_PREFIX = "photo/";

    private final DataSource dataSource;

    PhotoStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the photo, or returns the one the owner already uploaded with the same bytes. */
    public Evidence store(String ownerId, ImageType type, byte[] content, Instant now) {
        String sha = sha256(content);
        String insert = "INSERT INTO api.photos (id, owner_id, media_type, sha256, size_bytes, content, created_at) "
                + "VALUES (?,?,?,?,?,?,?) ON CONFLICT (owner_id, sha256) DO NOTHING";
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(insert)) {
                s.setString(1, UUID.randomUUID().toString());
                s.setString(2, ownerId);
                s.setString(3, type.mediaType());
                s.setString(4, sha);
                s.setInt(5, content.length);
                s.setBytes(6, content);
                s.setTimestamp(7, Timestamp.from(now));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, media_type FROM api.photos WHERE owner_id = ? AND sha256 = ?")) {
                s.setString(1, ownerId);
                s.setString(2, sha);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new Evidence(REF_PREFIX + rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot store a photo", e);
        }
    }

    /** The owner's photos among {@code refs}, in order; refs that are not theirs are left out. */
    public List<Evidence> ownedBy(String ownerId, List<String> refs) {
        return refs.stream().map(ref -> find(ref).filter(p -> p.ownerId().equals(ownerId)))
                .flatMap(Optional::stream).map(p -> new Evidence(REF_PREFIX + p.id(), p.mediaType())).toList();
    }

    public Optional<Photo> find(String ref) {
        if (ref == null || !ref.startsWith(REF_PREFIX)) {
            return Optional.empty();
        }
        String sql = "SELECT id, owner_id, media_type, content FROM api.photos WHERE id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, ref.substring(REF_PREFIX.length()));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Photo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read a photo", e);
        }
    }

    /** The intake ids of {@code ownerId}'s reports (api.reports) that carry the photo {@code ref}. */
    public List<String> reportsCarrying(String ownerId, String ref) {
        String sql = "SELECT intake_id FROM api.reports WHERE reporter_id = ? AND ? = ANY (photo_refs)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, ownerId);
            s.setString(2, ref);
            return StringColumn.read(s);
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the reports of a photo", e);
        }
    }

    /** A stored photo; {@link #ref()} is how reports and evidence name it. */
    public record Photo(String id, String ownerId, String mediaType, byte[] content) {

        public String ref() {
            return REF_PREFIX + id;
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
