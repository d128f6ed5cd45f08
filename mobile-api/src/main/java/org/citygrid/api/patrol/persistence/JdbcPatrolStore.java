package org.citygrid.api.patrol.persistence;

import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.citygrid.api.patrol.PatrolStore;
import org.citygrid.api.persistence.Jdbc;
import org.citygrid.contracts.readmodel.GridsTable;

/** {@link PatrolStore}: tracks in api.patrol_track, grid outlines from grid.grids (built by PostGIS as GeoJSON). */
@Singleton
final class JdbcPatrolStore implements PatrolStore {

    private final Jdbc jdbc;

    JdbcPatrolStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public int addTrack(String workerId, List<TrackPoint> points, Instant receivedAt) {
        return jdbc.run("cannot keep a patrol track", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO api.patrol_track (worker_id, at, lon, lat, "
                    + "accuracy_m, received_at) VALUES (?,?,?,?,?,?) ON CONFLICT (worker_id, at) DO NOTHING")) {
                for (TrackPoint p : points) {
                    s.setString(1, workerId);
                    s.setTimestamp(2, Timestamp.from(p.at()));
                    s.setDouble(3, p.lon());
                    s.setDouble(4, p.lat());
                    if (p.accuracy() == null) {
                        s.setNull(5, Types.REAL);
                    } else {
                        s.setFloat(5, p.accuracy());
                    }
                    s.setTimestamp(6, Timestamp.from(receivedAt));
                    s.addBatch();
                }
                int kept = 0;
                for (int n : s.executeBatch()) {
                    kept += Math.max(n, 0);
                }
                return kept;
            }
        });
    }

    @Override
    public List<TrackPoint> track(String workerId, Instant from, Instant to) {
        return jdbc.list("cannot read a patrol track", "SELECT at, lon, lat, accuracy_m FROM api.patrol_track "
                        + "WHERE worker_id = ? AND at >= ? AND at <= ? ORDER BY at",
                rs -> {
                    float accuracy = rs.getFloat(4);
                    return new TrackPoint(rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.getDouble(3),
                            rs.wasNull() ? null : accuracy);
                }, workerId, Timestamp.from(from), Timestamp.from(to));
    }

    @Override
    public String gridsGeoJson(List<String> gridCodes) {
        String sql = """
                SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(f ORDER BY code), '[]'::json))::text
                FROM (
                  SELECT code, json_build_object('type', 'Feature', 'id', code, 'geometry', ST_AsGeoJSON(geom, 6)::json,
                    'properties', json_build_object('code', code, 'nameZh', name_zh, 'nameEn', name_en,
                      'communityZh', community_name_zh, 'communityEn', community_name_en)) AS f
                  FROM %s WHERE code = ANY (?)
                ) t""".formatted(GridsTable.NAME);
        return jdbc.first("cannot read the grids of a patrol area", sql, rs -> rs.getString(1), gridCodes)
                .orElse("{\"type\":\"FeatureCollection\",\"features\":[]}");
    }
}
