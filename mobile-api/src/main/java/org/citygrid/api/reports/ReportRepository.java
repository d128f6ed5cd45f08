package org.citygrid.api.reports;

import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.citygrid.api.support.DataAccessException;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.cases.Evidence;
import org.citygrid.model.intake.IntakeRecord;

/** api.reports: what this API handed to grid.intake, per reporter. */
@Singleton
class ReportRepository {

    private final DataSource dataSource;

    ReportRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(IntakeRecord r, Instant now) {
        String sql = "INSERT INTO api.reports (intake_id, reporter_id, channel, category_code, description, lon, lat, "
                + "anonymous, photo_refs, observed_at, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                + "ON CONFLICT (intake_id) DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, r.intakeId());
            s.setString(2, r.reporterId());
            s.setString(3, r.channel().name());
            s.setString(4, r.categoryCode());
            s.setString(5, r.description());
            s.setDouble(6, r.position().lon());
            s.setDouble(7, r.position().lat());
            s.setBoolean(8, r.anonymous());
            s.setArray(9, c.createArrayOf("text", r.media().stream().map(Evidence::ref).toArray()));
            s.setTimestamp(10, Timestamp.from(r.observedAt()));
            s.setTimestamp(11, Timestamp.from(now));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot record report " + r.intakeId(), e);
        }
    }

    List<StoredReport> byReporter(String reporterId, int limit) {
        return query("SELECT * FROM api.reports WHERE reporter_id = ? ORDER BY created_at DESC, intake_id LIMIT " + limit,
                reporterId);
    }

    Optional<StoredReport> byId(String intakeId) {
        return query("SELECT * FROM api.reports WHERE intake_id = ?", intakeId).stream().findFirst();
    }

    private List<StoredReport> query(String sql, String param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            List<StoredReport> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Array photos = rs.getArray("photo_refs");
                    out.add(new StoredReport(rs.getString("intake_id"), rs.getString("reporter_id"),
                            Channel.valueOf(rs.getString("channel")), rs.getString("category_code"),
                            rs.getString("description"), rs.getDouble("lon"), rs.getDouble("lat"),
                            rs.getBoolean("anonymous"), Arrays.asList((String[]) photos.getArray()),
                            rs.getTimestamp("observed_at").toInstant(), rs.getTimestamp("created_at").toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new DataAccessException("cannot read reports", e);
        }
    }

    record StoredReport(String intakeId, String reporterId, Channel channel, String categoryCode, String description,
                        double lon, double lat, boolean anonymous, List<String> photos, Instant observedAt,
                        Instant createdAt) {
    }
}
