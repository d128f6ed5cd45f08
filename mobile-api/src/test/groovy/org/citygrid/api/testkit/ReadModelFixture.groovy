package org.citygrid.api.testkit

import groovy.json.JsonOutput
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.wire.WireCodec
import org.citygrid.model.wire.WireJson

import java.sql.Timestamp
import java.time.Instant

/**
 * Writes grid.cases and grid.case_events rows the way cloud-backend's projection does
 * (docs/read-model.md), so that the API's reads are tested against the documented schema.
 */
class ReadModelFixture {

    private static int seq = 0
    private static final ThreadLocal<String> DATABASE = new ThreadLocal<>()

    /** Runs {@code work} with the fixture writing into {@code jdbcUrl} instead of the shared test database. */
    static <T> T inDatabase(String jdbcUrl, Closure<T> work) {
        DATABASE.set(jdbcUrl)
        try {
            return work()
        } finally {
            DATABASE.remove()
        }
    }

    private static <T> T connect(Closure<T> work) {
        TestStack.withConnection(DATABASE.get() ?: TestStack.instance.jdbcUrl, work)
    }

    /**
     * A case; {@code fields} override the defaults (columns in camelCase). {@code pendingExtension}:
     * a map {@code [extra: 'PT8H', reason: ..., requestedBy: ...]} or null.
     */
    static Map insertCase(Map fields = [:]) {
        def id = fields.caseId ?: "110101001001023-260302-${String.format('%08x', ++seq + (System.nanoTime() & 0xffffff))}".toString()
        def c = [caseId      : id, version: 1L, state: 'REPORTED', categoryCode: 'C0101', gridCode: '110101001001023',
                 lon         : 116.40321d, lat: 39.91452d, channel: 'RESIDENT', description: 'loose cover',
                 reporterId  : 'resident-x', anonymous: false, department: null, assignee: null, activeStage: 'FILING',
                 deadline    : Instant.parse('2026-03-02T02:00:05Z'), followers: null, rating: null,
                 reportedAt  : Instant.parse('2026-03-02T01:00:00Z'), updatedAt: Instant.parse('2026-03-02T01:00:05Z'),
                 pendingExtension: null, verification: null, returnCount: 0] + fields
        c.followers = c.followers ?: [c.reporterId]
        def terminal = c.state in ['CLOSED', 'DISMISSED', 'VOIDED']
        connect { conn ->
            def s = conn.prepareStatement('''
                INSERT INTO grid.cases (case_id, version, state, terminal, category_code, grid_code, community_code,
                  street_code, county_code, position, channel, description, reporter_id, anonymous, department, assignee,
                  active_stage, deadline, deadlines, overdue, late_stages, escalation_level, rework_count, return_count,
                  duplicates, followers, cleared_episodes, reported_at, rating, updated_at, evidence, snapshot, projected_at,
                  pending_extension)
                VALUES (?,?,?,?,?,?,?,?,?, ST_SetSRID(ST_MakePoint(?, ?), 4326), ?,?,?,?,?,?,?,?, '{}'::jsonb, '{}', '{}',
                  0, 0, ?, 0, ?, '{}', ?, ?, ?, '[]'::jsonb, ?::jsonb, now(), ?::jsonb)
                ON CONFLICT (case_id) DO UPDATE SET version = EXCLUDED.version, state = EXCLUDED.state,
                  terminal = EXCLUDED.terminal, department = EXCLUDED.department, assignee = EXCLUDED.assignee,
                  deadline = EXCLUDED.deadline, rating = EXCLUDED.rating, active_stage = EXCLUDED.active_stage,
                  pending_extension = EXCLUDED.pending_extension, snapshot = EXCLUDED.snapshot,
                  return_count = EXCLUDED.return_count''')
            def p = [c.caseId, c.version, c.state, terminal, c.categoryCode, c.gridCode, c.gridCode.substring(0, 12),
                     c.gridCode.substring(0, 9), c.gridCode.substring(0, 6), c.lon, c.lat, c.channel, c.description,
                     c.reporterId, c.anonymous, c.department, c.assignee, c.activeStage,
                     c.deadline ? Timestamp.from(c.deadline) : null, c.returnCount ?: 0,
                     conn.createArrayOf('text', c.followers as Object[]),
                     Timestamp.from(c.reportedAt), c.rating, Timestamp.from(c.updatedAt),
                     JsonOutput.toJson((c.verification == null ? [:] : [verification: c.verification])
                             + (c.caseNumber == null ? [:] : [caseNumber: c.caseNumber])),
                     c.pendingExtension == null ? null : JsonOutput.toJson(c.pendingExtension)]
            p.eachWithIndex { v, i -> s.setObject(i + 1, v) }
            s.executeUpdate()
        }
        c
    }

    static void insertEvent(String caseId, long version, String type, String commandId, Map change = [:],
                            String actorId = 'system:case-cycle', String actorRole = 'SYSTEM') {
        connect { conn ->
            def s = conn.prepareStatement('''
                INSERT INTO grid.case_events (case_id, version, at, type, actor_id, actor_role, command_id, change, event, projected_at)
                VALUES (?,?,?,?,?,?,?,?::jsonb,'{}'::jsonb, now()) ON CONFLICT DO NOTHING''')
            [caseId, version, Timestamp.from(Instant.parse('2026-03-02T01:00:05Z').plusSeconds(version)), type, actorId,
             actorRole, commandId, JsonOutput.toJson([type: type] + change)].eachWithIndex { v, i -> s.setObject(i + 1, v) }
            s.executeUpdate()
        }
    }

    /**
     * One day's tally in grid.indicators, replaced as the projection does; {@code level} is '' except for areas.
     * {@code counts}: counter name to amount, e.g. [FILED: 3, CLOSED: 2].
     */
    /** A case's history as the projection writes it: each event whole, with its change and actor in columns. */
    static void insertHistory(List<CaseEvent> events) {
        connect { conn ->
            def s = conn.prepareStatement('''
                INSERT INTO grid.case_events (case_id, version, at, type, actor_id, actor_role, actor_department,
                                              command_id, change, event, projected_at)
                VALUES (?,?,?,?,?,?,?,?,?::jsonb,?::jsonb, now()) ON CONFLICT DO NOTHING''')
            events.each { CaseEvent e ->
                def tree = WireJson.mapper().readTree(WireCodec.events().writeString(e))
                [e.caseId(), e.version(), Timestamp.from(e.at()), tree.path('change').path('type').asText(), e.actor().id(),
                 e.actor().role().name(), e.actor().department(), e.commandId(), tree.path('change').toString(),
                 tree.toString()].eachWithIndex { v, i -> s.setObject(i + 1, v) }
                s.executeUpdate()
            }
        }
    }

    static void insertTally(String day, String dimension, String level, String code, Map<String, Long> counts) {
        connect { conn ->
            def s = conn.prepareStatement('''
                INSERT INTO grid.indicators (day, dimension, level, code, counts, events)
                VALUES (?::date, ?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (day, dimension, level, code) DO UPDATE SET counts = EXCLUDED.counts, events = EXCLUDED.events''')
            [day, dimension, level, code, JsonOutput.toJson(counts), counts.values().sum() ?: 0].eachWithIndex { v, i ->
                s.setObject(i + 1, v)
            }
            s.executeUpdate()
        }
    }

    /** A unit grid: a lon/lat rectangle stored as the projection stores grids (one-part multipolygon). */
    static void insertGrid(String code, double minLon, double minLat, double maxLon, double maxLat,
                           String nameZh = "网格${code[-3..-1]}", String streetNameZh = '东华门街道') {
        connect { conn ->
            def s = conn.prepareStatement('''
                INSERT INTO grid.grids (code, county_code, street_code, community_code, name_zh, name_en,
                  street_name_zh, street_name_en, community_name_zh, community_name_en, area_m2, geom, loaded_at)
                VALUES (?,?,?,?,?,?,?,?,?,?, 0, ST_Multi(ST_MakeEnvelope(?, ?, ?, ?, 4326)), now())
                ON CONFLICT (code) DO UPDATE SET geom = EXCLUDED.geom''')
            [code, code.substring(0, 6), code.substring(0, 9), code.substring(0, 12), nameZh, "Grid ${code[-3..-1]}".toString(),
             streetNameZh, 'Donghuamen', '社区', 'Community', minLon, minLat, maxLon, maxLat]
                    .eachWithIndex { v, i -> s.setObject(i + 1, v) }
            s.executeUpdate()
        }
    }

    /** One day's area tally as the projection writes it (counts replace the stored ones). */
    static void insertIndicators(java.time.LocalDate day, String level, String code, Map<String, Integer> counts) {
        insertTally(day.toString(), 'area', level, code, counts.collectEntries { k, v -> [(k): v as long] } as Map<String, Long>)
    }

    /** A sensor's row as the projection keeps it: the last alarm edge seen. */
    static void insertSensor(String deviceId, double lon, double lat, String alarmState, String caseId = null) {
        connect { conn ->
            def s = conn.prepareStatement('''
                INSERT INTO grid.sensors (device_id, sensor_type, position, grid_code, alarm_state, episode_id, quantity,
                  last_value, unit, threshold, observed_at, intake_id, case_id, updated_at)
                VALUES (?, 'manhole-tilt', ST_SetSRID(ST_MakePoint(?, ?), 4326), NULL, ?, 'ep-1', 'tilt', 23.5, 'deg', 15.0,
                  now(), ?, ?, now())
                ON CONFLICT (device_id) DO UPDATE SET alarm_state = EXCLUDED.alarm_state, case_id = EXCLUDED.case_id''')
            [deviceId, lon, lat, alarmState, "intake-${deviceId}".toString(), caseId].eachWithIndex { v, i -> s.setObject(i + 1, v) }
            s.executeUpdate()
        }
    }
}
