package org.citygrid.api.ogcapi.persistence;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.citygrid.api.map.Bbox;
import org.citygrid.api.map.MapLayer;
import org.citygrid.api.ogcapi.FeatureStore;
import org.citygrid.api.ogcapi.TimeFilter;
import org.citygrid.api.persistence.DataAccessException;

/**
 * {@link FeatureStore} in SQL. PostGIS writes each feature's GeoJSON itself
 * ({@code json_build_object} + {@code ST_AsGeoJSON}), so Java only joins strings; the bbox test is
 * {@code geom && ST_MakeEnvelope(...)}, which the GiST index answers. Pages are keyset pages on the
 * feature id: a page is "the next {@code limit} ids after the last one seen", which stays cheap deep
 * into a million rows and neither skips nor repeats a feature when rows are added while a client pages.
 */
@Singleton
final class JdbcFeatureStore implements FeatureStore {

    /** GeoJSON coordinates with 7 decimals: about a centimetre, more than any report's GPS. */
    private static final int DECIMALS = 7;

    private final DataSource dataSource;

    JdbcFeatureStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One page of {@code layer} matching the filters; {@code limit + 1} rows are read to know whether more follow. */
    @Override
    public Page page(MapLayer layer, Bbox bbox, TimeFilter time, String after, int limit) {
        List<Object> params = new ArrayList<>();
        // the page's rows are chosen in a subquery and only they are turned into JSON: with the JSON in the
        // same select list, PostgreSQL builds it for every row matching the bbox before the top-N sort
        String sql = "SELECT " + layer.idColumn() + ", " + featureJson(layer) + " FROM (SELECT * FROM " + layer.table()
                + where(layer, bbox, time, after, params) + " ORDER BY " + layer.idColumn() + " LIMIT " + (limit + 1)
                + ") page ORDER BY " + layer.idColumn();
        List<String> features = new ArrayList<>();
        String lastId = null;
        boolean more = false;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (features.size() == limit) {
                        more = true;
                        break;
                    }
                    lastId = rs.getString(1);
                    features.add(rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the " + layer.id() + " features", e);
        }
        return new Page(features, lastId, more);
    }

    /** How many features match, without paging: the {@code numberMatched} of the first page. */
    @Override
    public long count(MapLayer layer, Bbox bbox, TimeFilter time) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT count(*) FROM " + layer.table() + where(layer, bbox, time, null, params);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot count the " + layer.id() + " features", e);
        }
    }

    @Override
    public Optional<String> byId(MapLayer layer, String id) {
        String sql = "SELECT " + featureJson(layer) + " FROM " + layer.table() + " WHERE " + layer.idColumn() + " = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read " + layer.id() + " feature " + id, e);
        }
    }

    private static String featureJson(MapLayer layer) {
        return "json_build_object('type', 'Feature', 'id', " + layer.idColumn() + ", 'geometry', ST_AsGeoJSON("
                + layer.geometryColumn() + ", " + DECIMALS + ")::json, 'properties', json_build_object("
                + layer.jsonProperties() + "))::text";
    }

    private static String where(MapLayer layer, Bbox bbox, TimeFilter time, String after, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (bbox != null) {
            // points: the bounding-box test is exact and the GiST index answers it alone; grid polygons
            // need the exact test too (ST_Intersects, which uses the same index first)
            String test = layer == MapLayer.GRIDS ? "ST_Intersects(" + layer.geometryColumn() + ", ST_MakeEnvelope(?, ?, ?, ?, 4326))"
                    : layer.geometryColumn() + " && ST_MakeEnvelope(?, ?, ?, ?, 4326)";
            if (bbox.crossesAntimeridian()) {
                // the two halves east and west of ±180°, each an ordinary box the index answers
                where.append(" AND (").append(test).append(" OR ").append(test).append(")");
                params.addAll(List.of(bbox.minLon(), bbox.minLat(), 180d, bbox.maxLat(), -180d, bbox.minLat(), bbox.maxLon(), bbox.maxLat()));
            } else {
                where.append(" AND ").append(test);
                params.addAll(List.of(bbox.minLon(), bbox.minLat(), bbox.maxLon(), bbox.maxLat()));
            }
        }
        if (time != null && layer.timeColumn() != null) {
            if (time.from() != null) {
                where.append(" AND ").append(layer.timeColumn()).append(" >= ?");
                params.add(Timestamp.from(time.from()));
            }
            if (time.to() != null) {
                where.append(" AND ").append(layer.timeColumn()).append(time.toExclusive() ? " < ?" : " <= ?");
                params.add(Timestamp.from(time.to()));
            }
        }
        if (after != null) {
            where.append(" AND ").append(layer.idColumn()).append(" > ?");
            params.add(after);
        }
        return where.toString();
    }

    private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
    }
}
