package org.citygrid.api.ogcapi;

import java.util.Arrays;
import java.util.Optional;

/**
 * The read model's three geometry tables as map layers: the collections of OGC API Features and the
 * layers of the vector tiles. One place says which columns leave the server, so both services show
 * the same attributes. Reporter ids, followers and the raw snapshot never do: a read-only key may be
 * handed to another department's GIS desk.
 */
public enum MapLayer {

    GRIDS("grids", "Unit grids", "Unit grids (单元网格) with their street and community", "grid.grids", "code", "geom",
            null,
            "'county_code', county_code, 'street_code', street_code, 'community_code', community_code, "
                    + "'name_zh', name_zh, 'name_en', name_en, 'street_name_zh', street_name_zh, "
                    + "'street_name_en', street_name_en, 'community_name_zh', community_name_zh, "
                    + "'community_name_en', community_name_en, 'area_m2', area_m2",
            "code, street_code, community_code, name_zh, name_en, street_name_zh, street_name_en, "
                    + "community_name_zh, community_name_en"),

    CASES("cases", "Cases", "Every case with its current state, at the first report's position", "grid.cases",
            "case_id", "position", "reported_at",
            "'state', state, 'terminal', terminal, 'category_code', category_code, 'grid_code', grid_code, "
                    + "'community_code', community_code, 'street_code', street_code, 'channel', channel, "
                    + "'description', description, 'department', department, 'active_stage', active_stage, "
                    + "'deadline', " + utc("deadline") + ", 'overdue', cardinality(overdue) > 0, 'escalation_level', escalation_level, "
                    + "'reported_at', " + utc("reported_at") + ", 'updated_at', " + utc("updated_at") + ", 'closed_at', " + utc("closed_at") + "",
            "case_id, state, terminal, category_code, grid_code, community_code, street_code, department, "
                    + "active_stage, cardinality(overdue) > 0 AS overdue, escalation_level, "
                    + utc("reported_at") + " AS reported_at"),

    SENSORS("sensors", "Sensors", "Sensors seen on the intake with the last alarm edge", "grid.sensors", "device_id",
            "position", "observed_at",
            "'sensor_type', sensor_type, 'grid_code', grid_code, 'alarm_state', alarm_state, 'episode_id', episode_id, "
                    + "'quantity', quantity, 'last_value', last_value, 'unit', unit, 'threshold', threshold, "
                    + "'observed_at', " + utc("observed_at") + ", 'case_id', case_id, 'updated_at', " + utc("updated_at") + "",
            "device_id, sensor_type, grid_code, alarm_state, quantity, last_value, unit, threshold, case_id");

    private final String id;
    private final String title;
    private final String description;
    private final String table;
    private final String idColumn;
    private final String geometryColumn;
    private final String timeColumn;
    private final String jsonProperties;
    private final String tileColumns;

    MapLayer(String id, String title, String description, String table, String idColumn, String geometryColumn,
             String timeColumn, String jsonProperties, String tileColumns) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.table = table;
        this.idColumn = idColumn;
        this.geometryColumn = geometryColumn;
        this.timeColumn = timeColumn;
        this.jsonProperties = jsonProperties;
        this.tileColumns = tileColumns;
    }

    /**
     * A timestamptz as RFC 3339 in UTC to the second ({@code 2026-03-02T01:00:00Z}), like the rest of the API:
     * json_build_object would use the session's time zone, which the JDBC driver takes from the JVM.
     */
    private static String utc(String column) {
        return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
    }

    public static Optional<MapLayer> byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** Schema-qualified table name; a constant, never from the request. */
    public String table() {
        return table;
    }

    public String idColumn() {
        return idColumn;
    }

    public String geometryColumn() {
        return geometryColumn;
    }

    /** The column {@code datetime} filters on, or null when the layer has no time (grids). */
    public String timeColumn() {
        return timeColumn;
    }

    /** Arguments of {@code json_build_object} for a GeoJSON feature's properties. */
    public String jsonProperties() {
        return jsonProperties;
    }

    /** The select list of a vector tile's attributes (MVT attributes are scalars). */
    public String tileColumns() {
        return tileColumns;
    }
}
