package org.citygrid.cloud.readmodel;

import static org.citygrid.contracts.readmodel.CasesTable.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.citygrid.contracts.readmodel.Column;
import org.citygrid.contracts.readmodel.Row;
import org.citygrid.model.cases.CaseSnapshot;
import org.citygrid.model.wire.WireCodec;
import org.citygrid.model.wire.WireJson;

/**
 * Upserts case snapshots into {@code grid.cases}. A row only ever moves to a higher version, so
 * a snapshot seen again after a restart, or an older one arriving late, changes nothing.
 */
final class CaseRows {

    /** Every column but {@code projected_at}, which the database sets at each write. */
    private static final List<Column<?>> WRITTEN = TABLE.columnsExcept(PROJECTED_AT);

    private static final String UPSERT = TABLE.insert(WRITTEN)
            + " ON CONFLICT (" + CASE_ID + ") DO UPDATE SET " + TABLE.setFromExcluded(TABLE.columnsExcept(CASE_ID, PROJECTED_AT))
            + ", " + PROJECTED_AT + " = now() WHERE " + TABLE.qualified(VERSION) + " < EXCLUDED." + VERSION;

    private CaseRows() {
    }

    static void upsert(Connection c, Collection<CaseSnapshot> snapshots) throws SQLException {
        if (snapshots.isEmpty()) {
            return;
        }
        var json = WireJson.mapper();
        try (PreparedStatement st = c.prepareStatement(UPSERT)) {
            for (CaseSnapshot s : snapshots) {
                new Row(WRITTEN)
                        .set(CASE_ID, s.caseId())
                        .set(VERSION, s.version())
                        .set(STATE, s.state().name())
                        .set(TERMINAL, s.state().isTerminal())
                        .set(CATEGORY_CODE, s.categoryCode())
                        .set(GRID_CODE, s.gridCode())
                        .set(COMMUNITY_CODE, s.gridCode().substring(0, 12))
                        .set(STREET_CODE, s.gridCode().substring(0, 9))
                        .set(COUNTY_CODE, s.gridCode().substring(0, 6))
                        .set(POSITION, s.position())
                        .set(CHANNEL, s.channel().name())
                        .set(DESCRIPTION, s.description())
                        .set(REPORTER_ID, s.reporterId())
                        .set(ANONYMOUS, s.anonymous())
                        .set(DEPARTMENT, s.department())
                        .set(ASSIGNEE, s.assignee())
                        .set(HANDLED_BY, s.handledBy())
                        .set(ACTIVE_STAGE, s.activeStage() == null ? null : s.activeStage().name())
                        .set(DEADLINE, s.activeStage() == null ? null : s.deadlines().get(s.activeStage()))
                        .set(DEADLINES, write(json, s.deadlines()))
                        .set(OVERDUE, sorted(s.overdue()))
                        .set(LATE_STAGES, sorted(s.lateStages()))
                        .set(ESCALATION_LEVEL, s.escalationLevel())
                        .set(REWORK_COUNT, s.reworkCount())
                        .set(RETURN_COUNT, s.returnCount())
                        .set(DUPLICATES, s.duplicates())
                        .set(FOLLOWERS, sorted(s.followers()))
                        .set(CLEARED_EPISODES, sorted(s.clearedEpisodes()))
                        .set(PENDING_EXTENSION, s.pendingExtension() == null ? null : write(json, s.pendingExtension()))
                        .set(SUSPENSION, s.suspension() == null ? null : write(json, s.suspension()))
                        .set(REPORTED_AT, s.reportedAt())
                        .set(FILED_AT, s.filedAt())
                        .set(FIRST_DISPATCHED_AT, s.firstDispatchedAt())
                        .set(HANDLED_AT, s.handledAt())
                        .set(CLOSED_AT, s.closedAt())
                        .set(RATING, s.rating())
                        .set(UPDATED_AT, s.updatedAt())
                        .set(EVIDENCE, write(json, s.evidence()))
                        .set(SNAPSHOT, WireCodec.snapshots().writeString(s))
                        .bind(st);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** Arrays are stored sorted, so that a row reads the same however the snapshot ordered its sets. */
    private static List<String> sorted(Collection<?> values) {
        return values.stream().map(Object::toString).sorted().toList();
    }

    private static String write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }
}
