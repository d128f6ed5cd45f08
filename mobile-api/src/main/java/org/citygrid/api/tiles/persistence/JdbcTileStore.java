package org.citygrid.api.tiles.persistence;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.citygrid.api.map.MapLayer;
import org.citygrid.api.persistence.DataAccessException;
import org.citygrid.api.tiles.TileStore;

/**
 * {@link TileStore} in PostGIS: the rows whose geometry meets the tile (in WGS 84, so the GiST
 * index answers), projected to Web Mercator, clipped and quantised by ST_AsMVTGeom and encoded by
 * ST_AsMVT. The search box is the tile grown by the clipping buffer, so a feature just outside the
 * edge still draws the part of its symbol that reaches in.
 */
@Singleton
final class JdbcTileStore implements TileStore {

    /** Tile extent in MVT units (the specification's default). */
    private static final int EXTENT = 4096;
    /** Buffer around the tile in MVT units, as MapLibre expects for symbols near edges. */
    private static final int BUFFER = 64;

    private final DataSource dataSource;

    JdbcTileStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public byte[] tile(MapLayer layer, int z, int x, int y) {
        String sql = "WITH bounds AS (SELECT ST_TileEnvelope(?, ?, ?) AS tile, "
                + "ST_Transform(ST_TileEnvelope(?, ?, ?, margin => " + ((double) BUFFER / EXTENT) + "), 4326) AS search) "
                + "SELECT ST_AsMVT(t, ?, " + EXTENT + ", 'geom') FROM ("
                + "SELECT " + layer.tileColumns() + ", ST_AsMVTGeom(ST_Transform(" + layer.geometryColumn() + ", 3857), "
                + "bounds.tile, " + EXTENT + ", " + BUFFER + ", true) AS geom "
                + "FROM " + layer.table() + ", bounds WHERE " + layer.geometryColumn() + " && bounds.search) t "
                + "WHERE t.geom IS NOT NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, z);
            s.setInt(2, x);
            s.setInt(3, y);
            s.setInt(4, z);
            s.setInt(5, x);
            s.setInt(6, y);
            s.setString(7, layer.id());
            try (ResultSet rs = s.executeQuery()) {
                byte[] bytes = rs.next() ? rs.getBytes(1) : null;
                return bytes == null ? new byte[0] : bytes;
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot make tile " + layer.id() + "/" + z + "/" + x + "/" + y, e);
        }
    }
}
