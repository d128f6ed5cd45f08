package org.citygrid.api.nearby.persistence;

import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.citygrid.api.nearby.NearbyCases;
import org.citygrid.api.persistence.Jdbc;
import org.citygrid.contracts.readmodel.CasesTable;
import org.citygrid.contracts.readmodel.GridsTable;
import org.citygrid.model.geo.GeoPoint;

/**
 * {@link NearbyCases} in SQL against grid.cases and grid.grids. Distances are on the ellipsoid
 * (geography); the box test before them is in degrees, so that the position index (cases_position_gist)
 * narrows the rows first.
 */
@Singleton
final class JdbcNearbyCases implements NearbyCases {

    /** Metres per degree of latitude, less a margin: the box in degrees is never smaller than the circle. */
    private static final double METRES_PER_DEGREE = 110_000;

    private final Jdbc jdbc;

    JdbcNearbyCases(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public List<Row> openNear(GeoPoint point, double radiusMetres, String categoryCode, int limit) {
        double degrees = radiusMetres / (METRES_PER_DEGREE * Math.cos(Math.toRadians(Math.abs(point.lat()))));
        String sql = """
                SELECT case_id, category_code, state, ST_X(position) AS lon, ST_Y(position) AS lat, reported_at, followers,
                       reporter_id, ST_Distance(position::geography, p::geography) AS distance
                FROM %s, ST_SetSRID(ST_MakePoint(?, ?), 4326) AS p
                WHERE NOT terminal AND ST_DWithin(position, p, ?) AND ST_DWithin(position::geography, p::geography, ?)
                  AND (?::text IS NULL OR category_code = ?)
                ORDER BY distance, case_id LIMIT ?""".formatted(CasesTable.NAME);
        return jdbc.list("cannot read cases near a point", sql, rs -> {
                    List<String> reporters = new java.util.ArrayList<>(strings(rs.getArray("followers")));
                    String reporter = rs.getString("reporter_id");
                    if (reporter != null && !reporters.contains(reporter)) {
                        reporters.add(0, reporter);
                    }
                    return new Row(rs.getString("case_id"), rs.getString("category_code"), rs.getString("state"),
                            rs.getDouble("lon"), rs.getDouble("lat"), rs.getDouble("distance"),
                            rs.getTimestamp("reported_at").toInstant(), List.copyOf(reporters));
                },
                point.lon(), point.lat(), degrees, radiusMetres, categoryCode, categoryCode, limit);
    }

    @Override
    public Optional<Community> communityAt(GeoPoint point) {
        String sql = """
                SELECT community_code, community_name_zh, community_name_en, street_code, street_name_zh, street_name_en
                FROM %s WHERE ST_Contains(geom, ST_SetSRID(ST_MakePoint(?, ?), 4326)) ORDER BY code LIMIT 1"""
                .formatted(GridsTable.NAME);
        return jdbc.first("cannot find the community of a place", sql, rs -> new Community(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
                point.lon(), point.lat());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
