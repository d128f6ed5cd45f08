package org.citygrid.api.photos.persistence;

import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.citygrid.api.persistence.Jdbc;
import org.citygrid.api.photos.ImageType;
import org.citygrid.api.photos.PhotoStore;
import org.citygrid.model.cases.Evidence;
import org.citygrid.model.hash.Sha256;

/** {@link PhotoStore} in api.photos, with the photo refs of api.reports. */
@Singleton
final class JdbcPhotoStore implements PhotoStore {

    private final Jdbc jdbc;

    JdbcPhotoStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Evidence store(String ownerId, ImageType type, byte[] content, Instant now) {
        String sha = Sha256.hex(content);
        return jdbc.run("cannot store a photo", c -> {
            try (var s = Jdbc.prepare(c, "INSERT INTO api.photos (id, owner_id, media_type, sha256, size_bytes, content, "
                            + "created_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT (owner_id, sha256) DO NOTHING",
                    UUID.randomUUID().toString(), ownerId, type.mediaType(), sha, content.length, content,
                    Timestamp.from(now))) {
                s.executeUpdate();
            }
            try (var s = Jdbc.prepare(c, "SELECT id, media_type FROM api.photos WHERE owner_id = ? AND sha256 = ?",
                    ownerId, sha); var rs = s.executeQuery()) {
                rs.next();
                return new Evidence(REF_PREFIX + rs.getString(1), rs.getString(2));
            }
        });
    }

    @Override
    public Optional<Photo> find(String ref) {
        if (ref == null || !ref.startsWith(REF_PREFIX)) {
            return Optional.empty();
        }
        return jdbc.first("cannot read a photo", "SELECT id, owner_id, media_type, content FROM api.photos WHERE id = ?",
                rs -> new Photo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)),
                ref.substring(REF_PREFIX.length()));
    }

    @Override
    public Optional<Evidence> sameAs(String ownerId, byte[] content) {
        return jdbc.first("cannot look up a photo", "SELECT id, media_type FROM api.photos WHERE owner_id = ? AND sha256 = ?",
                rs -> new Evidence(REF_PREFIX + rs.getString(1), rs.getString(2)), ownerId, Sha256.hex(content));
    }

    @Override
    public long uploadedSince(String ownerId, Instant since) {
        return jdbc.first("cannot count photos", "SELECT count(*) FROM api.photos WHERE owner_id = ? AND created_at >= ?",
                rs -> rs.getLong(1), ownerId, Timestamp.from(since)).orElse(0L);
    }

    @Override
    public List<String> reportsCarrying(String ownerId, String ref) {
        return jdbc.list("cannot read the reports of a photo",
                "SELECT intake_id FROM api.reports WHERE reporter_id = ? AND ? = ANY (photo_refs)",
                rs -> rs.getString(1), ownerId, ref);
    }
}
