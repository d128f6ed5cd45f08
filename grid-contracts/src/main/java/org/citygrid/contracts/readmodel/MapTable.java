package org.citygrid.contracts.readmodel;

import java.util.List;

/**
 * The read model's tables with a geometry, as maps show them: one place that says which columns
 * may leave the server as a feature's attributes. mobile-api's OGC API Features and vector tiles
 * ({@code ogcapi/MapLayer}) and its console's layers ({@code console/MapLayers}) choose from
 * {@link #attributes()}; person ids (reporters, followers, assignees, handlers) and the raw snapshot
 * and evidence are not among them, because a read-only map key may be handed to another
 * department's GIS desk.
 */
public enum MapTable {

    GRIDS(GridsTable.TABLE, GridsTable.CODE, GridsTable.GEOM, null, List.of(GridsTable.CODE, GridsTable.COUNTY_CODE,
            GridsTable.STREET_CODE, GridsTable.COMMUNITY_CODE, GridsTable.NAME_ZH, GridsTable.NAME_EN,
            GridsTable.STREET_NAME_ZH, GridsTable.STREET_NAME_EN, GridsTable.COMMUNITY_NAME_ZH,
            GridsTable.COMMUNITY_NAME_EN, GridsTable.AREA_M2)),

    CASES(CasesTable.TABLE, CasesTable.CASE_ID, CasesTable.POSITION, CasesTable.REPORTED_AT, List.of(CasesTable.CASE_ID,
            CasesTable.VERSION, CasesTable.STATE, CasesTable.TERMINAL, CasesTable.CATEGORY_CODE, CasesTable.GRID_CODE,
            CasesTable.COMMUNITY_CODE, CasesTable.STREET_CODE, CasesTable.CHANNEL, CasesTable.DESCRIPTION,
            CasesTable.DEPARTMENT, CasesTable.ACTIVE_STAGE, CasesTable.DEADLINE, CasesTable.OVERDUE,
            CasesTable.ESCALATION_LEVEL, CasesTable.REPORTED_AT, CasesTable.UPDATED_AT, CasesTable.CLOSED_AT)),

    SENSORS(SensorsTable.TABLE, SensorsTable.DEVICE_ID, SensorsTable.POSITION, SensorsTable.OBSERVED_AT,
            List.of(SensorsTable.DEVICE_ID, SensorsTable.SENSOR_TYPE, SensorsTable.GRID_CODE, SensorsTable.ALARM_STATE,
                    SensorsTable.EPISODE_ID, SensorsTable.QUANTITY, SensorsTable.LAST_VALUE, SensorsTable.UNIT,
                    SensorsTable.THRESHOLD, SensorsTable.OBSERVED_AT, SensorsTable.CASE_ID, SensorsTable.UPDATED_AT));

    private final Table table;
    private final Column<String> id;
    private final Column<?> geometry;
    private final Column<?> time;
    private final List<Column<?>> attributes;

    MapTable(Table table, Column<String> id, Column<?> geometry, Column<?> time, List<Column<?>> attributes) {
        this.table = table;
        this.id = id;
        this.geometry = geometry;
        this.time = time;
        this.attributes = attributes;
    }

    public Table table() {
        return table;
    }

    /** The feature id. */
    public Column<String> id() {
        return id;
    }

    /** The WGS 84 geometry. */
    public Column<?> geometry() {
        return geometry;
    }

    /** The instant a time filter applies to, or null when features have no time (grids). */
    public Column<?> time() {
        return time;
    }

    /** Every column a map may show, in table order; a layer shows these or fewer. */
    public List<Column<?>> attributes() {
        return attributes;
    }
}
