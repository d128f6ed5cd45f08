package org.citygrid.cloud.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import org.citygrid.contracts.readmodel.GridsTable;

/**
 * Loads unit grids into {@code grid.grids}, from the same grid file the geocoder uses, so that
 * map queries and the case cycle agree on where each grid is. Rows are upserted by code; rows of
 * grids no longer in the file stay (old cases still point at them).
 */
public final class GridRows {

    /** One grid as the table stores it; {@code wkt} is a WGS 84 polygon or multipolygon. */
    public record Row(String code, String nameZh, String nameEn, String streetNameZh, String streetNameEn,
                      String communityNameZh, String communityNameEn, String wkt) {
    }

    private static final String UPSERT = """
            INSERT INTO %1$s (code, county_code, street_code, community_code, name_zh, name_en, street_name_zh,
                street_name_en, community_name_zh, community_name_en, geom, area_m2, loaded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_Multi(ST_GeomFromText(?, 4326)),
                ST_Area(ST_GeomFromText(?, 4326)::geography), now())
            ON CONFLICT (code) DO UPDATE SET
                name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, street_name_zh = EXCLUDED.street_name_zh,
                street_name_en = EXCLUDED.street_name_en, community_name_zh = EXCLUDED.community_name_zh,
                community_name_en = EXCLUDED.community_name_en, geom = EXCLUDED.geom, area_m2 = EXCLUDED.area_m2,
                loaded_at = now()
            WHERE NOT ST_Equals(%1$s.geom, EXCLUDED.geom) OR %1$s.name_zh IS DISTINCT FROM EXCLUDED.name_zh
            """.formatted(GridsTable.NAME);

    private GridRows() {
    }

    public static void upsert(ReadModelDatabase database, Collection<Row> grids) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement(UPSERT)) {
            for (Row g : grids) {
                int i = 1;
                i = GridsTable.CODE.bind(st, i, g.code());
                i = GridsTable.COUNTY_CODE.bind(st, i, g.code().substring(0, 6));
                i = GridsTable.STREET_CODE.bind(st, i, g.code().substring(0, 9));
                i = GridsTable.COMMUNITY_CODE.bind(st, i, g.code().substring(0, 12));
                i = GridsTable.NAME_ZH.bind(st, i, g.nameZh());
                i = GridsTable.NAME_EN.bind(st, i, g.nameEn());
                i = GridsTable.STREET_NAME_ZH.bind(st, i, g.streetNameZh());
                i = GridsTable.STREET_NAME_EN.bind(st, i, g.streetNameEn());
                i = GridsTable.COMMUNITY_NAME_ZH.bind(st, i, g.communityNameZh());
                i = GridsTable.COMMUNITY_NAME_EN.bind(st, i, g.communityNameEn());
                i = GridsTable.GEOM.bind(st, i, g.wkt());
                // the area, from the same polygon
                GridsTable.GEOM.bind(st, i, g.wkt());
                st.addBatch();
            }
            st.executeBatch();
            c.commit();
        }
    }
}
