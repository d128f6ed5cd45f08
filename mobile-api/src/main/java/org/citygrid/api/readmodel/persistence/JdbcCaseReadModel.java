package org.citygrid.api.readmodel.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.citygrid.api.persistence.DataAccessException;
import org.citygrid.api.readmodel.CaseReadModel;
import org.citygrid.api.readmodel.CaseRow;
import org.citygrid.api.readmodel.TimelineEntry;
import org.citygrid.contracts.readmodel.CaseEventsTable;
import org.citygrid.contracts.readmodel.CasesTable;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.wire.WireCodec;

/** {@link CaseReadModel} in SQL against grid.cases and grid.case_events, using their documented indexes. */
@Singleton
final class JdbcCaseReadModel implements CaseReadModel {

    private static final String CASES = CasesTable.NAME;
    private static final String EVENTS = CaseEventsTable.NAME;

    private static final String COLUMNS = "case_id, version, state, terminal, category_code, grid_code, community_code, "
            + "ST_X(position) AS lon, ST_Y(position) AS lat, channel, description, reporter_id, anonymous, department, "
            + "assignee, active_stage, deadline, overdue, followers, rating, reported_at, updated_at, closed_at, "
            + "pending_extension->>'extra' AS extension_extra, pending_extension->>'reason' AS extension_reason, "
            + "pending_extension->>'requestedBy' AS extension_requested_by, "
            + "snapshot->'verification'->>'verifier' AS verifier, snapshot->'verification'->>'at' AS verified_at, "
            + "(snapshot->'verification'->>'found')::boolean AS verified_found, snapshot->'verification'->>'note' AS verified_note, "
            // the 案卷号 the case cycle gives a filed case (AssignNumber), in the snapshot's wire form
            + "snapshot->>'caseNumber' AS case_number";

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    JdbcCaseReadModel(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    @Override
    public Optional<CaseRow> byId(String caseId) {
        return cases("SELECT " + COLUMNS + " FROM " + CASES + " WHERE case_id = ?", caseId).stream().findFirst();
    }

    @Override
    public Optional<CaseRow> forIntake(String intakeId) {
        return cases("SELECT " + COLUMNS + " FROM " + CASES + " WHERE case_id = "
                + "(SELECT case_id FROM " + EVENTS + " WHERE command_id = ? ORDER BY version LIMIT 1)",
                "intake:" + intakeId).stream().findFirst();
    }

    @Override
    public List<CaseRow> withEvidenceFrom(String actorId, String ref) {
        // case_events_actor_idx narrows to the uploader's own events; the path finds the ref wherever the
        // change carries evidence (Handled, CheckPassed, CheckFailed: "evidence" at the top of the change)
        return cases("SELECT " + COLUMNS + " FROM " + CASES + " WHERE case_id IN (SELECT case_id FROM " + EVENTS + " "
                + "WHERE actor_id = ? AND jsonb_path_exists(change, '$.** ? (@.ref == $ref)', jsonb_build_object('ref', ?::text)))",
                actorId, ref);
    }

    @Override
    public List<TimelineEntry> timeline(String caseId) {
        String sql = "SELECT version, at, type, actor_id, actor_role, actor_department, command_id, change::text FROM "
                + EVENTS + " "
                + "WHERE case_id = ? ORDER BY version";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, caseId);
            List<TimelineEntry> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new TimelineEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            mapper.readTree(rs.getString(8))));
                }
            }
            return out;
        } catch (SQLException | JsonProcessingException e) {
            throw new DataAccessException("cannot read the timeline of " + caseId, e);
        }
    }

    @Override
    public List<CaseEvent> events(String caseId) {
        String sql = "SELECT event::text FROM " + EVENTS + " WHERE case_id = ? ORDER BY version";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, caseId);
            List<CaseEvent> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(WireCodec.events().read(rs.getString(1)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the events of " + caseId, e);
        }
    }

    @Override
    public List<CaseRow> openForDepartment(String department, int limit) {
        return cases("SELECT " + COLUMNS + " FROM " + CASES + " WHERE department = ? AND NOT terminal "
                + "ORDER BY deadline NULLS LAST, case_id LIMIT " + limit, department);
    }

    @Override
    public List<CaseRow> workerTasks(List<String> gridCodes, List<String> channelsToVerify, int limit) {
        return cases("SELECT " + COLUMNS + " FROM " + CASES + " WHERE grid_code = ANY (?) AND (state = 'HANDLED' "
                + "OR (state = 'REPORTED' AND channel = ANY (?) AND snapshot->'verification' IS NULL)) "
                + "ORDER BY deadline NULLS LAST, case_id LIMIT " + limit, gridCodes, channelsToVerify);
    }

    @Override
    public List<CaseRow> inStates(List<String> states, int limit) {
        return cases("SELECT " + COLUMNS + " FROM " + CASES + " WHERE state = ANY (?) ORDER BY reported_at, case_id LIMIT "
                + limit, states);
    }

    @Override
    public List<CaseRow> overdue(Instant now, int limit) {
        return cases("SELECT " + COLUMNS + " FROM " + CASES + " WHERE NOT terminal AND deadline < ? "
                + "ORDER BY deadline, case_id LIMIT " + limit, Timestamp.from(now));
    }

    @Override
    public List<CaseRow> search(List<String> caseIds, List<String> categoryCodes, Instant from, Instant to,
                                Boolean open, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM " + CASES + " WHERE true");
        List<Object> params = new ArrayList<>();
        if (caseIds != null) {
            sql.append(" AND case_id = ANY (?)");
            params.add(caseIds);
        }
        if (categoryCodes != null) {
            sql.append(" AND category_code = ANY (?)");
            params.add(categoryCodes);
        }
        if (from != null) {
            sql.append(" AND reported_at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND reported_at <= ?");
            params.add(Timestamp.from(to));
        }
        if (open != null) {
            sql.append(open ? " AND NOT terminal" : " AND terminal");
        }
        sql.append(" ORDER BY reported_at DESC, case_id LIMIT ").append(limit).append(" OFFSET ").append(offset);
        return cases(sql.toString(), params.toArray());
    }

    @Override
    public Optional<Long> appliedVersion(String commandId) {
        String sql = "SELECT version FROM " + EVENTS + " WHERE command_id = ? ORDER BY version LIMIT 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, commandId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot look up command " + commandId, e);
        }
    }

    private List<CaseRow> cases(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof List<?> list) {
                    s.setArray(i + 1, c.createArrayOf("text", list.toArray()));
                } else {
                    s.setObject(i + 1, p);
                }
            }
            List<CaseRow> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new DataAccessException("cannot read cases", e);
        }
    }

    private static CaseRow map(ResultSet rs) throws SQLException {
        int rating = rs.getInt("rating");
        Integer ratingOrNull = rs.wasNull() ? null : rating;
        return new CaseRow(rs.getString("case_id"), rs.getLong("version"), rs.getString("state"),
                rs.getBoolean("terminal"), rs.getString("category_code"), rs.getString("grid_code"),
                rs.getString("community_code"), rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("channel"),
                rs.getString("description"), rs.getString("reporter_id"), rs.getBoolean("anonymous"),
                rs.getString("department"), rs.getString("assignee"), rs.getString("active_stage"),
                instant(rs, "deadline"), strings(rs.getArray("overdue")), strings(rs.getArray("followers")),
                ratingOrNull, instant(rs, "reported_at"), instant(rs, "updated_at"), instant(rs, "closed_at"),
                rs.getString("extension_extra") == null ? null : new CaseRow.PendingExtension(rs.getString("extension_extra"),
                        rs.getString("extension_reason"), rs.getString("extension_requested_by")),
                rs.getString("verifier") == null ? null : new CaseRow.Verification(rs.getString("verifier"),
                        Instant.parse(rs.getString("verified_at")), rs.getBoolean("verified_found"), rs.getString("verified_note")),
                rs.getString("case_number"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
