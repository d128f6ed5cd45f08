package org.citygrid.api.console.persistence;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.citygrid.api.console.MapLayers;
import org.citygrid.api.map.Bbox;
import org.citygrid.api.map.MapLayer;
import org.citygrid.api.persistence.DataAccessException;

/**
 * {@link MapLayers} in SQL: GeoJSON FeatureCollections built by PostGIS (ST_AsGeoJSON and
 * json_agg) straight from the read model, so thousands of grid polygons never pass through Java
 * objects. Read-only; the columns are those of docs/read-model.md.
 */
@Singleton
final class JdbcMapLayers implements MapLayers {

    /** Open cases per grid, and how many of them are late (marked overdue, or past their deadline now). */
    private static final String GRIDS = """
            SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(f ORDER BY code), '[]'::json))::text
            FROM (
              SELECT g.code, json_build_object('type', 'Feature', 'id', g.code,
                'geometry', ST_AsGeoJSON(g.geom, 6)::json,
                'properties', json_build_object(%1$s,
                  'openCases', coalesce(c.open, 0), 'lateCases', coalesce(c.late, 0))) AS f
              FROM %2$s g
              LEFT JOIN (SELECT grid_code, count(*) AS open,
                                count(*) FILTER (WHERE cardinality(overdue) > 0 OR coalesce(deadline < ?, false)) AS late
                         FROM %3$s WHERE NOT terminal GROUP BY grid_code) c ON c.grid_code = g.code
              %4$s
            ) t""";

    /** Open and late cases per grid, for grids with open cases: the grid layer's counts without its polygons. */
    private static final String GRID_COUNTS = """
            SELECT coalesce(json_object_agg(grid_code, json_build_array(open, late) ORDER BY grid_code), '{}'::json)::text
            FROM (SELECT grid_code, count(*) AS open,
                         count(*) FILTER (WHERE cardinality(overdue) > 0 OR coalesce(deadline < ?, false)) AS late
                  FROM %s WHERE NOT terminal GROUP BY grid_code) c""";

    /** Street or community outlines: the union of their unit grids. */
    private static final String AREAS = """
            SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(f ORDER BY code), '[]'::json))::text
            FROM (
              SELECT %1$s AS code, json_build_object('type', 'Feature', 'id', %1$s,
                'geometry', ST_AsGeoJSON(ST_Multi(ST_Union(geom)), 6)::json,
                'properties', json_build_object('code', %1$s, 'level', ?, 'nameZh', min(%2$s), 'nameEn', min(%3$s))) AS f
              FROM %5$s %4$s GROUP BY %1$s
            ) t""";

    private static final String CASES = """
            SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(f), '[]'::json))::text
            FROM (
              SELECT json_build_object('type', 'Feature', 'id', case_id,
                'geometry', ST_AsGeoJSON(position, 6)::json,
                'properties', json_build_object(%1$s,
                  'late', NOT terminal AND (cardinality(overdue) > 0 OR coalesce(deadline < ?, false)))) AS f
              FROM %2$s
              WHERE %3$s
              ORDER BY reported_at DESC, case_id
              LIMIT %4$d
            ) t""";

    /** Sensors with the last alarm edge seen (RAISED or CLEARED) and the case their latest alarm opened or joined. */
    private static final String SENSORS = """
            SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(f ORDER BY device_id), '[]'::json))::text
            FROM (
              SELECT device_id, json_build_object('type', 'Feature', 'id', device_id,
                'geometry', ST_AsGeoJSON(position, 6)::json,
                'properties', json_build_object(%1$s)) AS f
              FROM %2$s
              %3$s
            ) t""";

    private final DataSource dataSource;
    private final Clock clock;

    JdbcMapLayers(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public String grids(Bbox bbox) {
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(clock.instant()));
        String where = bbox == null ? "" : "WHERE g.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)";
        addBox(params, bbox);
        return json(GRIDS.formatted(MapLayer.GRIDS.consoleProperties("g."), MapLayer.GRIDS.table(), MapLayer.CASES.table(),
                where), params);
    }

    @Override
    public String gridCounts() {
        return json(GRID_COUNTS.formatted(MapLayer.CASES.table()), List.of(Timestamp.from(clock.instant())));
    }

    @Override
    public String areas(AreaLevel level, Bbox bbox) {
        List<Object> params = new ArrayList<>();
        params.add(level.name());
        String where = bbox == null ? "" : "WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)";
        addBox(params, bbox);
        String column = level == AreaLevel.STREET ? "street" : "community";
        return json(AREAS.formatted(column + "_code", column + "_name_zh", column + "_name_en", where,
                MapLayer.GRIDS.table()), params);
    }

    @Override
    public String sensors(Bbox bbox) {
        List<Object> params = new ArrayList<>();
        String where = bbox == null ? "" : "WHERE position && ST_MakeEnvelope(?, ?, ?, ?, 4326)";
        addBox(params, bbox);
        return json(SENSORS.formatted(MapLayer.SENSORS.consoleProperties(""), MapLayer.SENSORS.table(), where), params);
    }

    @Override
    public String cases(Bbox bbox, CaseFilter filter) {
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
        return json(CASES.formatted(MapLayer.CASES.consoleProperties(""), MapLayer.CASES.table(),
                String.join(" AND ", where), MAX_CASES), params);
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
}
