package org.citygrid.cloud.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.citygrid.model.cases.CaseChange;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.cases.ReportDetails;
import org.citygrid.model.intake.IntakeRecord;

/**
 * Keeps {@code grid.sensors} at each device's latest alarm edge. Edges arrive in order per
 * device (one key, one partition), but a replay sends old ones again: an edge older than the row
 * (by observation time, then intake id) leaves it alone.
 */
final class SensorRows {

    private static final String UPSERT = """
            INSERT INTO grid.sensors (device_id, sensor_type, position, grid_code, alarm_state, episode_id, quantity,
                last_value, unit, threshold, observed_at, intake_id, updated_at)
            VALUES (?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326),
                (SELECT g.code FROM grid.grids g WHERE ST_Covers(g.geom, ST_SetSRID(ST_MakePoint(?, ?), 4326))
                 ORDER BY g.code LIMIT 1),
                ?, ?, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (device_id) DO UPDATE SET
                sensor_type = EXCLUDED.sensor_type, position = EXCLUDED.position, grid_code = EXCLUDED.grid_code,
                alarm_state = EXCLUDED.alarm_state, episode_id = EXCLUDED.episode_id, quantity = EXCLUDED.quantity,
                last_value = EXCLUDED.last_value, unit = EXCLUDED.unit, threshold = EXCLUDED.threshold,
                observed_at = EXCLUDED.observed_at, intake_id = EXCLUDED.intake_id, updated_at = now()
            WHERE (grid.sensors.observed_at, grid.sensors.intake_id) <= (EXCLUDED.observed_at, EXCLUDED.intake_id)
            """;

    private static final String LINK_CASE = "UPDATE grid.sensors SET case_id = ?, updated_at = now() WHERE device_id = ?";

    private SensorRows() {
    }

    /**
     * Writes each sensor's latest alarm edge among {@code alarms}. One row per sensor, because the
     * batch is rewritten into one multi-row INSERT (reWriteBatchedInserts) and PostgreSQL refuses
     * to update a row twice in one statement: after any backlog a raise and its clear meet in one
     * batch, and the projection would retry that batch for ever.
     */
    static void upsert(Connection c, Collection<IntakeRecord> alarms) throws SQLException {
        if (alarms.isEmpty()) {
            return;
        }
        Map<String, IntakeRecord> latest = new LinkedHashMap<>();
        alarms.forEach(r -> latest.merge(r.deviceId(), r, SensorRows::later));
        try (PreparedStatement st = c.prepareStatement(UPSERT)) {
            for (IntakeRecord r : latest.values()) {
                int i = 0;
                st.setString(++i, r.deviceId());
                st.setString(++i, r.sensorType());
                st.setDouble(++i, r.position().lon());
                st.setDouble(++i, r.position().lat());
                st.setDouble(++i, r.position().lon());
                st.setDouble(++i, r.position().lat());
                st.setString(++i, r.alarm().state().name());
                st.setString(++i, r.alarm().episodeId());
                Sql.text(st, ++i, r.alarm().quantity());
                st.setDouble(++i, r.alarm().value());
                Sql.text(st, ++i, r.alarm().unit());
                if (r.alarm().threshold() == null) {
                    st.setNull(++i, java.sql.Types.DOUBLE);
                } else {
                    st.setDouble(++i, r.alarm().threshold());
                }
                Sql.instant(st, ++i, r.observedAt());
                st.setString(++i, r.intakeId());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** Of two edges of one sensor, the one its row keeps: the upsert's own order, observed time then intake id. */
    private static IntakeRecord later(IntakeRecord a, IntakeRecord b) {
        int byTime = a.observedAt().compareTo(b.observedAt());
        return byTime > 0 || (byTime == 0 && a.intakeId().compareTo(b.intakeId()) >= 0) ? a : b;
    }

    /** Points each sensor at the case its latest alarm opened or joined. */
    static void linkCases(Connection c, Collection<CaseEvent> events) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(LINK_CASE)) {
            int n = 0;
            for (CaseEvent e : events) {
                ReportDetails report = switch (e.change()) {
                    case CaseChange.Reported r -> r.details();
                    case CaseChange.DuplicateMerged m -> m.duplicate();
                    default -> null;
                };
                if (report != null && report.channel() == Channel.SENSOR) {
                    st.setString(1, e.caseId());
                    st.setString(2, report.reporterId());
                    st.addBatch();
                    n++;
                }
            }
            if (n > 0) {
                st.executeBatch();
            }
        }
    }
}
