package org.citygrid.api.notices.persistence;

import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;
import org.citygrid.api.notices.Notice;
import org.citygrid.api.notices.NoticeStore;
import org.citygrid.api.persistence.Jdbc;

/** {@link NoticeStore} in api.notices. */
@Singleton
final class JdbcNoticeStore implements NoticeStore {

    private final Jdbc jdbc;

    JdbcNoticeStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void insert(Notice n, String authorId) {
        jdbc.update("cannot store a notice",
                "INSERT INTO api.notices (id, community_code, title, body, author_id, published_at) VALUES (?,?,?,?,?,?)",
                n.id(), n.communityCode(), n.title(), n.body(), authorId, Timestamp.from(n.publishedAt()));
    }

    @Override
    public List<Notice> ofCommunity(String communityCode) {
        return jdbc.list("cannot read notices",
                "SELECT id, community_code, title, body, published_at FROM api.notices WHERE community_code = ? "
                        + "ORDER BY published_at DESC, id LIMIT 100",
                rs -> new Notice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()),
                communityCode);
    }
}
