package org.citygrid.cloud.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.citygrid.contracts.readmodel.GridsTable;
import org.citygrid.contracts.readmodel.SensorsTable;
import org.citygrid.model.cases.CaseChange;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.cases.ReportDetails;
import org.citygrid.model.intake.IntakeRecord;
import org.citygrid.model.intake.SensorAlarm;

/**
 * Keeps {@code grid.sensors} at each device's latest alarm edge. Edges arrive in order per
 * device (one key, one partition), but a replay sends old ones again: an edge older than the row
 * (by observation time, then intake id) leaves it alone.
 */
final class SensorRows {

    private static final String UPSERT = """
            INSERT INTO %1$s (device_id, sensor_type, position, grid_code, alarm_state, episode_id, quantity,
                last_value, unit, threshold, observed_at, intake_id, updated_at)
            VALUES (?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326),
                (SELECT g.code FROM %2$s g WHERE ST_Covers(g.geom, ST_SetSRID(ST_MakePoint(?, ?), 4326))
                 ORDER BY g.code LIMIT 1),
                ?, ?, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (device_id) DO UPDATE SET
                sensor_type = EXCLUDED.sensor_type, position = EXCLUDED.position, grid_code = EXCLUDED.grid_code,
                alarm_state = EXCLUDED.alarm_state, episode_id = EXCLUDED.episode_id, quantity = EXCLUDED.quantity,
                last_value = EXCLUDED.last_value, unit = EXCLUDED.unit, threshold = EXCLUDED.threshold,
                observed_at = EXCLUDED.observed_at, intake_id = EXCLUDED.intake_id, updated_at = now()
            WHERE (%1$s.observed_at, %1$s.intake_id) <= (EXCLUDED.observed_at, EXCLUDED.intake_id)
            """.formatted(SensorsTable.NAME, GridsTable.NAME);

    private static final String LINK_CASE =
            "UPDATE " + SensorsTable.NAME + " SET case_id = ?, updated_at = now() WHERE device_id = ?";

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
                SensorAlarm alarm = r.alarm();
                int i = 1;
                i = SensorsTable.DEVICE_ID.bind(st, i, r.deviceId());
                i = SensorsTable.SENSOR_TYPE.bind(st, i, r.sensorType());
                i = SensorsTable.POSITION.bind(st, i, r.position());
                // the unit grid that covers the position
                i = SensorsTable.POSITION.bind(st, i, r.position());
                i = SensorsTable.ALARM_STATE.bind(st, i, alarm.state().name());
                i = SensorsTable.EPISODE_ID.bind(st, i, alarm.episodeId());
                i = SensorsTable.QUANTITY.bind(st, i, alarm.quantity());
                i = SensorsTable.LAST_VALUE.bind(st, i, alarm.value());
                i = SensorsTable.UNIT.bind(st, i, alarm.unit());
                i = SensorsTable.THRESHOLD.bind(st, i, alarm.threshold());
                i = SensorsTable.OBSERVED_AT.bind(st, i, r.observedAt());
                SensorsTable.INTAKE_ID.bind(st, i, r.intakeId());
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
                    int i = SensorsTable.CASE_ID.bind(st, 1, e.caseId());
                    SensorsTable.DEVICE_ID.bind(st, i, report.reporterId());
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
