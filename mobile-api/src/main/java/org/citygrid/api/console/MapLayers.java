package org.citygrid.api.console;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.citygrid.api.support.DataAccessException;

/**
 * The console's map layers as GeoJSON FeatureCollections, built by PostGIS (ST_AsGeoJSON and
 * json_agg) straight from the read model, so thousands of grid polygons never pass through Java
 * objects. Read-only; the columns are those of docs/read-model.md.
 */
@Singleton
class MapLayers {

    /** At most this many case points in one answer; the map asks again for a smaller viewport. */
    static final int MAX_CASES = 10_000;

    /** Open cases per grid, and how many of them are late (marked overdue, or past their deadline now). */
    private static final String GRIDS = """
            SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(f ORDER BY code), '[]'::json))::text
            FROM (
              SELECT g.code, json_build_object('type', 'Feature', 'id', g.code,
                'geometry', ST_AsGeoJSON(g.geom, 6)::json,
                'properties', json_build_object('code', g.code, 'nameZh', g.name_zh, 'nameEn', g.name_en,
                  'streetCode', g.street_code, 'streetNameZh', g.street_name_zh, 'streetNameEn', g.street_name_en,
                  'communityCode', g.community_code, 'communityNameZh', g.community_name_zh,
                  'communityNameEn', g.community_name_en,
                  'openCases', coalesce(c.open, 0), 'lateCases', coalesce(c.late, 0))) AS f
              FROM grid.grids g
              LEFT JOIN (SELECT grid_code, count(*) AS open,
                                count(*) FILTER (WHERE cardinality(overdue) > 0 OR deadline < ?) AS late
                         FROM grid.cases WHERE NOT terminal GROUP BY grid_code) c ON c.grid_code = g.code
              %s
            ) t""";

    /** Street or community outlines: the union of their unit grids. */
    private static final String AREAS = """
            SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(f ORDER BY code), '[]'::json))::text
            FROM (
              SELECT %1$s AS code, json_build_object('type', 'Feature', 'id', %1$s,
                'geometry', ST_AsGeoJSON(ST_Multi(ST_Union(geom)), 6)::json,
                'properties', json_build_object('code', %1$s, 'level', ?, 'nameZh', min(%2$s), 'nameEn', min(%3$s))) AS f
              FROM grid.grids %4$s GROUP BY %1$s
            ) t""";

    private static final String CASES = """
            SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(f), '[]'::json))::text
            FROM (
              SELECT json_build_object('type', 'Feature', 'id', case_id,
                'geometry', ST_AsGeoJSON(position, 6)::json,
                'properties', json_build_object('caseId', case_id, 'version', version, 'state', state,
                  'categoryCode', category_code, 'gridCode', grid_code, 'channel', channel,
                  'department', department, 'deadline', deadline, 'reportedAt', reported_at,
                  'late', NOT terminal AND (cardinality(overdue) > 0 OR deadline < ?))) AS f
              FROM grid.cases
              WHERE %s
              ORDER BY reported_at DESC, case_id
              LIMIT %d
            ) t""";

    /** Sensors with the last alarm edge seen (RAISED or CLEARED) and the case their latest alarm opened or joined. */
    private static final String SENSORS = """
            SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(f ORDER BY device_id), '[]'::json))::text
            FROM (
              SELECT device_id, json_build_object('type', 'Feature', 'id', device_id,
                'geometry', ST_AsGeoJSON(position, 6)::json,
                'properties', json_build_object('deviceId', device_id, 'sensorType', sensor_type, 'gridCode', grid_code,
                  'alarmState', alarm_state, 'quantity', quantity, 'lastValue', last_value, 'unit', unit,
                  'threshold', threshold, 'observedAt', observed_at, 'caseId', case_id)) AS f
              FROM grid.sensors
              %s
            ) t""";

    private final DataSource dataSource;
    private final Clock clock;

    MapLayers(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    String grids(Bbox bbox) {
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(clock.instant()));
        String where = bbox == null ? "" : "WHERE g.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)";
        addBox(params, bbox);
        return json(GRIDS.formatted(where), params);
    }

    String areas(AreaLevel level, Bbox bbox) {
        List<Object> params = new ArrayList<>();
        params.add(level.name());
        String where = bbox == null ? "" : "WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)";
        addBox(params, bbox);
        return json(AREAS.formatted(level.codeColumn, level.nameZhColumn, level.nameEnColumn, where), params);
    }

    String sensors(Bbox bbox) {
        List<Object> params = new ArrayList<>();
        String where = bbox == null ? "" : "WHERE position && ST_MakeEnvelope(?, ?, ?, ?, 4326)";
        addBox(params, bbox);
        return json(SENSORS.formatted(where), params);
    }

    /** Cases in the box; open ones only unless states are named (terminal states included then). */
    String cases(Bbox bbox, CaseFilter filter) {
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(clock.instant()));
        List<String> where = new ArrayList<>();
        if (filter.states().isEmpty()) {
            where.add("NOT terminal");
        } else {
            where.add("state = ANY (?)");
            params.add(filter.states());
        }
        if (!filter.categories().isEmpty()) {
            where.add("category_code = ANY (?)");
            params.add(filter.categories());
        }
        if (!filter.departments().isEmpty()) {
            where.add("department = ANY (?)");
            params.add(filter.departments());
        }
        if (filter.reportedFrom() != null) {
            where.add("reported_at >= ?");
            params.add(Timestamp.from(filter.reportedFrom()));
        }
        if (filter.reportedBefore() != null) {
            where.add("reported_at < ?");
            params.add(Timestamp.from(filter.reportedBefore()));
        }
        if (bbox != null) {
            where.add("position && ST_MakeEnvelope(?, ?, ?, ?, 4326)");
            addBox(params, bbox);
        }
        return json(CASES.formatted(String.join(" AND ", where), MAX_CASES), params);
    }

    private static void addBox(List<Object> params, Bbox bbox) {
        if (bbox != null) {
            params.addAll(List.of(bbox.minLon(), bbox.minLat(), bbox.maxLon(), bbox.maxLat()));
        }
    }

    private String json(String sql, List<Object> params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof List<?> list) {
                    s.setArray(i + 1, c.createArrayOf("text", list.toArray()));
                } else {
                    s.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read a map layer", e);
        }
    }

    /**
     * Which cases the map shows: empty lists filter nothing; {@code reportedFrom} is inclusive,
     * {@code reportedBefore} exclusive, either may be null.
     */
    record CaseFilter(List<String> states, List<String> categories, List<String> departments,
                      Instant reportedFrom, Instant reportedBefore) {
    }

    /** The area levels whose outlines the map draws over the unit grids. */
    enum AreaLevel {
        STREET("street_code", "street_name_zh", "street_name_en"),
        COMMUNITY("community_code", "community_name_zh", "community_name_en");

        final String codeColumn;
        final String nameZhColumn;
        final String nameEnColumn;

        AreaLevel(String codeColumn, String nameZhColumn, String nameEnColumn) {
            this.codeColumn = codeColumn;
            this.nameZhColumn = nameZhColumn;
            this.nameEnColumn = nameEnColumn;
        }
    }
}
