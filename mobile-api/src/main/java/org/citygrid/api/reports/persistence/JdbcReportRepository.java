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

    private static final String SELECT = "SELECT r.*, x.reason AS refusal_reason, x.message AS refusal_message, "
            + "x.at AS refused_at FROM api.reports r LEFT JOIN api.report_rejections x ON x.intake_id = r.intake_id";

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
                SELECT + " WHERE r.reporter_id = ? ORDER BY r.created_at DESC, r.intake_id LIMIT " + limit,
                JdbcReportRepository::report, reporterId);
    }

    @Override
    public Optional<StoredReport> byId(String intakeId) {
        return jdbc.first("cannot read reports", SELECT + " WHERE r.intake_id = ?",
                JdbcReportRepository::report, intakeId);
    }

    @Override
    public boolean refuse(String intakeId, Refusal refusal) {
        return jdbc.run("cannot record the refusal of report " + intakeId, c -> {
            try (var s = Jdbc.prepare(c, "INSERT INTO api.report_rejections (intake_id, reason, message, at) "
                            + "SELECT intake_id, ?, ?, ? FROM api.reports WHERE intake_id = ? ON CONFLICT DO NOTHING",
                    refusal.reason(), refusal.message(), Timestamp.from(refusal.at()), intakeId)) {
                s.executeUpdate();
            }
            try (var s = Jdbc.prepare(c, "SELECT 1 FROM api.reports WHERE intake_id = ?", intakeId);
                 var rs = s.executeQuery()) {
                return rs.next();
            }
        });
    }

    private static StoredReport report(ResultSet rs) throws SQLException {
        Timestamp refusedAt = rs.getTimestamp("refused_at");
        return new StoredReport(rs.getString("intake_id"), rs.getString("reporter_id"),
                Channel.valueOf(rs.getString("channel")), rs.getString("category_code"),
                rs.getString("description"), rs.getDouble("lon"), rs.getDouble("lat"),
                rs.getBoolean("anonymous"), Arrays.asList((String[]) rs.getArray("photo_refs").getArray()),
                rs.getTimestamp("observed_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
                refusedAt == null ? null : new Refusal(rs.getString("refusal_reason"), rs.getString("refusal_message"),
                        refusedAt.toInstant()));
    }
}
