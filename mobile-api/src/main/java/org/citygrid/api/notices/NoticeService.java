package org.citygrid.api.notices;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.citygrid.api.accounts.CurrentUser;
import org.citygrid.api.push.Notifier;
import org.citygrid.api.support.DataAccessException;
import org.citygrid.api.support.PlainText;

/** Stores notices in api.notices and pushes each to its community's topic. */
@Singleton
class NoticeService {

    private final DataSource dataSource;
    private final Notifier notifier;
    private final Clock clock;

    NoticeService(DataSource dataSource, Notifier notifier, Clock clock) {
        this.dataSource = dataSource;
        this.notifier = notifier;
        this.clock = clock;
    }

    Notice publish(String id, CurrentUser author, String community, String title, String body) {
        Notice n = new Notice(id, community, PlainText.check("title", title, 200), PlainText.check("body", body, 5000),
                clock.instant());
        String sql = "INSERT INTO api.notices (id, community_code, title, body, author_id, published_at) VALUES (?,?,?,?,?,?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, n.id());
            s.setString(2, n.communityCode());
            s.setString(3, n.title());
            s.setString(4, n.body());
            s.setString(5, author.id());
            s.setTimestamp(6, Timestamp.from(n.publishedAt()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot store a notice", e);
        }
        notifier.toCommunity(null, community, n.title(), n.body(), Map.of("noticeId", n.id()));
        return n;
    }

    List<Notice> of(String community) {
        String sql = "SELECT id, community_code, title, body, published_at FROM api.notices WHERE community_code = ? "
                + "ORDER BY published_at DESC, id LIMIT 100";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, community);
            List<Notice> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Notice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new DataAccessException("cannot read notices", e);
        }
    }
}
