package org.citygrid.api.reports.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.citygrid.api.persistence.Jdbc;
import org.citygrid.api.reports.ReportRepository;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.cases.Evidence;
import org.citygrid.model.intake.IntakeRecord;

/** {@link ReportRepository} in api.reports. */
@Singleton
final class JdbcReportRepository implements ReportRepository {

    private final Jdbc jdbc;

    JdbcReportRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void insert(IntakeRecord r, Instant now) {
        jdbc.update("cannot record report " + r.intakeId(),
                "INSERT INTO api.reports (intake_id, reporter_id, channel, category_code, description, lon, lat, "
                        + "anonymous, photo_refs, observed_at, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                        + "ON CONFLICT (intake_id) DO NOTHING",
                r.intakeId(), r.reporterId(), r.channel().name(), r.categoryCode(), r.description(), r.position().lon(),
                r.position().lat(), r.anonymous(), r.media().stream().map(Evidence::ref).toList(),
                Timestamp.from(r.observedAt()), Timestamp.from(now));
    }

    @Override
    public List<StoredReport> byReporter(String reporterId, int limit) {
        return jdbc.list("cannot read reports",
                "SELECT * FROM api.reports WHERE reporter_id = ? ORDER BY created_at DESC, intake_id LIMIT " + limit,
                JdbcReportRepository::report, reporterId);
    }

    @Override
    public Optional<StoredReport> byId(String intakeId) {
        return jdbc.first("cannot read reports", "SELECT * FROM api.reports WHERE intake_id = ?",
                JdbcReportRepository::report, intakeId);
    }

    private static StoredReport report(ResultSet rs) throws SQLException {
        return new StoredReport(rs.getString("intake_id"), rs.getString("reporter_id"),
                Channel.valueOf(rs.getString("channel")), rs.getString("category_code"),
                rs.getString("description"), rs.getDouble("lon"), rs.getDouble("lat"),
                rs.getBoolean("anonymous"), Arrays.asList((String[]) rs.getArray("photo_refs").getArray()),
                rs.getTimestamp("observed_at").toInstant(), rs.getTimestamp("created_at").toInstant());
    }
}
