package org.citygrid.cloud.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import org.citygrid.model.cases.CaseSnapshot;
import org.citygrid.model.wire.WireCodec;
import org.citygrid.model.wire.WireJson;

/**
 * Upserts case snapshots into {@code grid.cases}. A row only ever moves to a higher version, so
 * a snapshot seen again after a restart, or an older one arriving late, changes nothing.
 */
final class CaseRows {

    private static final String UPSERT = """
            INSERT INTO grid.cases (case_id, version, state, terminal, category_code, grid_code, community_code,
                street_code, county_code, position, channel, description, reporter_id, anonymous, department,
                assignee, handled_by, active_stage, deadline, deadlines, overdue, late_stages, escalation_level,
                rework_count, return_count, duplicates, followers, cleared_episodes, pending_extension, suspension,
                reported_at, filed_at, first_dispatched_at, handled_at, closed_at, rating, updated_at, evidence,
                snapshot, projected_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, ?, ?, ?, ?, ?, ?, ?, ?,
                ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, now())
            ON CONFLICT (case_id) DO UPDATE SET
                version = EXCLUDED.version, state = EXCLUDED.state, terminal = EXCLUDED.terminal,
                category_code = EXCLUDED.category_code, grid_code = EXCLUDED.grid_code,
                community_code = EXCLUDED.community_code, street_code = EXCLUDED.street_code,
                county_code = EXCLUDED.county_code, position = EXCLUDED.position, channel = EXCLUDED.channel,
                description = EXCLUDED.description, reporter_id = EXCLUDED.reporter_id,
                anonymous = EXCLUDED.anonymous, department = EXCLUDED.department, assignee = EXCLUDED.assignee,
                handled_by = EXCLUDED.handled_by, active_stage = EXCLUDED.active_stage,
                deadline = EXCLUDED.deadline, deadlines = EXCLUDED.deadlines, overdue = EXCLUDED.overdue,
                late_stages = EXCLUDED.late_stages, escalation_level = EXCLUDED.escalation_level,
                rework_count = EXCLUDED.rework_count, return_count = EXCLUDED.return_count,
                duplicates = EXCLUDED.duplicates, followers = EXCLUDED.followers,
                cleared_episodes = EXCLUDED.cleared_episodes, pending_extension = EXCLUDED.pending_extension,
                suspension = EXCLUDED.suspension, reported_at = EXCLUDED.reported_at,
                filed_at = EXCLUDED.filed_at, first_dispatched_at = EXCLUDED.first_dispatched_at,
                handled_at = EXCLUDED.handled_at, closed_at = EXCLUDED.closed_at, rating = EXCLUDED.rating,
                updated_at = EXCLUDED.updated_at, evidence = EXCLUDED.evidence, snapshot = EXCLUDED.snapshot,
                projected_at = now()
            WHERE grid.cases.version < EXCLUDED.version
            """;

    private CaseRows() {
    }

    static void upsert(Connection c, Collection<CaseSnapshot> snapshots) throws SQLException {
        if (snapshots.isEmpty()) {
            return;
        }
        var json = WireJson.mapper();
        try (PreparedStatement st = c.prepareStatement(UPSERT)) {
            for (CaseSnapshot s : snapshots) {
                int i = 0;
                st.setString(++i, s.caseId());
                st.setLong(++i, s.version());
                st.setString(++i, s.state().name());
                st.setBoolean(++i, s.state().isTerminal());
                st.setString(++i, s.categoryCode());
                st.setString(++i, s.gridCode());
                st.setString(++i, s.gridCode().substring(0, 12));
                st.setString(++i, s.gridCode().substring(0, 9));
                st.setString(++i, s.gridCode().substring(0, 6));
                st.setDouble(++i, s.position().lon());
                st.setDouble(++i, s.position().lat());
                st.setString(++i, s.channel().name());
                st.setString(++i, s.description());
                st.setString(++i, s.reporterId());
                st.setBoolean(++i, s.anonymous());
                Sql.text(st, ++i, s.department());
                Sql.text(st, ++i, s.assignee());
                Sql.text(st, ++i, s.handledBy());
                Sql.text(st, ++i, s.activeStage());
                Sql.instant(st, ++i, s.activeStage() == null ? null : s.deadlines().get(s.activeStage()));
                st.setString(++i, write(json, s.deadlines()));
                st.setArray(++i, Sql.texts(c, s.overdue()));
                st.setArray(++i, Sql.texts(c, s.lateStages()));
                st.setInt(++i, s.escalationLevel());
                st.setInt(++i, s.reworkCount());
                st.setInt(++i, s.returnCount());
                st.setInt(++i, s.duplicates());
                st.setArray(++i, Sql.texts(c, s.followers()));
                st.setArray(++i, Sql.texts(c, s.clearedEpisodes()));
                Sql.text(st, ++i, s.pendingExtension() == null ? null : write(json, s.pendingExtension()));
                Sql.text(st, ++i, s.suspension() == null ? null : write(json, s.suspension()));
                Sql.instant(st, ++i, s.reportedAt());
                Sql.instant(st, ++i, s.filedAt());
                Sql.instant(st, ++i, s.firstDispatchedAt());
                Sql.instant(st, ++i, s.handledAt());
                Sql.instant(st, ++i, s.closedAt());
                Sql.integer(st, ++i, s.rating());
                Sql.instant(st, ++i, s.updatedAt());
                st.setString(++i, write(json, s.evidence()));
                st.setString(++i, WireCodec.snapshots().writeString(s));
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static String write(com.fasterxml.jackson.databind.ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }
}
