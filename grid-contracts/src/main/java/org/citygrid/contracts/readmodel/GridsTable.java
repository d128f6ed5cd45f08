package org.citygrid.contracts.readmodel;

import static org.citygrid.contracts.readmodel.SqlType.DOUBLE;
import static org.citygrid.contracts.readmodel.SqlType.MULTIPOLYGON;
import static org.citygrid.contracts.readmodel.SqlType.TEXT;
import static org.citygrid.contracts.readmodel.SqlType.TIMESTAMPTZ;

import java.time.Instant;
import java.util.List;

/**
 * {@code grid.grids}: the unit grids, loaded by cloud-backend from the grid file its geocoder uses
 * (docs/read-model.md). mobile-api reads them for the console map, OGC API Features and vector tiles
 * ({@link MapTable#GRIDS}).
 */
public final class GridsTable {

    public static final String NAME = ReadModelSchema.SCHEMA + ".grids";

    /** The 15-digit unit grid code; the first 6, 9 and 12 digits are its county, street and community. */
    public static final Column<String> CODE = Column.of("code", TEXT);
    public static final Column<String> COUNTY_CODE = Column.of("county_code", TEXT);
    public static final Column<String> STREET_CODE = Column.of("street_code", TEXT);
    public static final Column<String> COMMUNITY_CODE = Column.of("community_code", TEXT);
    public static final Column<String> NAME_ZH = Column.of("name_zh", TEXT);
    public static final Column<String> NAME_EN = Column.of("name_en", TEXT);
    public static final Column<String> STREET_NAME_ZH = Column.of("street_name_zh", TEXT);
    public static final Column<String> STREET_NAME_EN = Column.of("street_name_en", TEXT);
    public static final Column<String> COMMUNITY_NAME_ZH = Column.of("community_name_zh", TEXT);
    public static final Column<String> COMMUNITY_NAME_EN = Column.of("community_name_en", TEXT);
    /** Square metres on the ellipsoid, computed from the geometry when it is written. */
    public static final Column<Double> AREA_M2 = Column.of("area_m2", DOUBLE);
    public static final Column<String> GEOM = Column.of("geom", MULTIPOLYGON);
    public static final Column<Instant> LOADED_AT = Column.of("loaded_at", TIMESTAMPTZ);

    public static final Table TABLE = new Table(NAME, List.of(CODE, COUNTY_CODE, STREET_CODE, COMMUNITY_CODE, NAME_ZH,
            NAME_EN, STREET_NAME_ZH, STREET_NAME_EN, COMMUNITY_NAME_ZH, COMMUNITY_NAME_EN, AREA_M2, GEOM, LOADED_AT));

    private GridsTable() {
    }
}
