package org.citygrid.api.map;

import static org.citygrid.api.map.MapLayer.View.CONSOLE;
import static org.citygrid.api.map.MapLayer.View.FEATURES;
import static org.citygrid.api.map.MapLayer.View.TILES;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The read model's three geometry tables as map layers: the collections of OGC API Features, the
 * layers of the vector tiles and the operators' console map. The one list of which columns leave the
 * server, and in which of the three views: reporter ids, followers and the raw snapshot never do (a
 * read-only map key may be handed to another department's GIS desk). OGC API and tiles name a
 * property as its column ({@code street_code}), the console in camel case ({@code streetCode}).
 */
public enum MapLayer {

    GRIDS("grids", "Unit grids", "Unit grids (单元网格) with their street and community", "grid.grids", "code", "geom",
            null, List.of(
            column("code", TILES, CONSOLE),
            column("county_code", FEATURES),
            column("street_code", FEATURES, TILES, CONSOLE),
            column("community_code", FEATURES, TILES, CONSOLE),
            column("name_zh", FEATURES, TILES, CONSOLE),
            column("name_en", FEATURES, TILES, CONSOLE),
            column("street_name_zh", FEATURES, TILES, CONSOLE),
            column("street_name_en", FEATURES, TILES, CONSOLE),
            column("community_name_zh", FEATURES, TILES, CONSOLE),
            column("community_name_en", FEATURES, TILES, CONSOLE),
            column("area_m2", FEATURES))),

    CASES("cases", "Cases", "Every case with its current state, at the first report's position", "grid.cases",
            "case_id", "position", "reported_at", List.of(
            column("case_id", TILES, CONSOLE),
            column("version", CONSOLE),
            column("state", FEATURES, TILES, CONSOLE),
            column("terminal", FEATURES, TILES),
            column("category_code", FEATURES, TILES, CONSOLE),
            column("grid_code", FEATURES, TILES, CONSOLE),
            column("community_code", FEATURES, TILES),
            column("street_code", FEATURES, TILES),
            column("channel", FEATURES, CONSOLE),
            column("description", FEATURES),
            column("department", FEATURES, TILES, CONSOLE),
            column("active_stage", FEATURES, TILES),
            time("deadline", FEATURES, CONSOLE),
            new Column("overdue", "cardinality(overdue) > 0", false, EnumSet.of(FEATURES, TILES)),
            column("escalation_level", FEATURES, TILES),
            time("reported_at", FEATURES, TILES, CONSOLE),
            time("updated_at", FEATURES),
            time("closed_at", FEATURES))),

    SENSORS("sensors", "Sensors", "Sensors seen on the intake with the last alarm edge", "grid.sensors", "device_id",
            "position", "observed_at", List.of(
            column("device_id", TILES, CONSOLE),
            column("sensor_type", FEATURES, TILES, CONSOLE),
            column("grid_code", FEATURES, TILES, CONSOLE),
            column("alarm_state", FEATURES, TILES, CONSOLE),
            column("episode_id", FEATURES),
            column("quantity", FEATURES, TILES, CONSOLE),
            column("last_value", FEATURES, TILES, CONSOLE),
            column("unit", FEATURES, TILES, CONSOLE),
            column("threshold", FEATURES, TILES, CONSOLE),
            time("observed_at", FEATURES, CONSOLE),
            column("case_id", FEATURES, TILES, CONSOLE),
            time("updated_at", FEATURES)));

    /** Where a column is shown. */
    public enum View {
        /** OGC API Features' GeoJSON properties. */
        FEATURES,
        /** Vector tile attributes (scalars). */
        TILES,
        /** The operators' console map (GeoJSON, camel-case properties). */
        CONSOLE
    }

    /**
     * One column as it leaves the server.
     *
     * @param name       the property name in OGC API and tiles: the column's name
     * @param expression the SQL giving its value
     * @param time       a timestamptz: OGC API and tiles write it as RFC 3339 UTC to the second
     */
    public record Column(String name, String expression, boolean time, Set<View> views) {

        /** The console's property name: {@code street_name_zh} becomes {@code streetNameZh}. */
        public String camelName() {
            StringBuilder out = new StringBuilder();
            boolean upper = false;
            for (char ch : name.toCharArray()) {
                if (ch == '_') {
                    upper = true;
                } else {
                    out.append(upper ? Character.toUpperCase(ch) : ch);
                    upper = false;
                }
            }
            return out.toString();
        }

        /** The value as OGC API and the tiles give it. */
        String utcExpression() {
            return time ? utc(expression) : expression;
        }
    }

    private final String id;
    private final String title;
    private final String description;
    private final String table;
    private final String idColumn;
    private final String geometryColumn;
    private final String timeColumn;
    private final List<Column> columns;

    MapLayer(String id, String title, String description, String table, String idColumn, String geometryColumn,
             String timeColumn, List<Column> columns) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.table = table;
        this.idColumn = idColumn;
        this.geometryColumn = geometryColumn;
        this.timeColumn = timeColumn;
        this.columns = columns;
    }

    private static Column column(String name, View... views) {
        return new Column(name, name, false, EnumSet.copyOf(Arrays.asList(views)));
    }

    private static Column time(String name, View... views) {
        return new Column(name, name, true, EnumSet.copyOf(Arrays.asList(views)));
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

    /** The columns shown in {@code view}, in order. */
    public List<Column> columns(View view) {
        return columns.stream().filter(c -> c.views().contains(view)).toList();
    }

    /** Arguments of {@code json_build_object} for a GeoJSON feature's properties in OGC API Features. */
    public String jsonProperties() {
        return columns(FEATURES).stream().map(c -> "'" + c.name() + "', " + c.utcExpression())
                .collect(Collectors.joining(", "));
    }

    /** The select list of a vector tile's attributes (MVT attributes are scalars). */
    public String tileColumns() {
        return columns(TILES).stream()
                .map(c -> c.utcExpression().equals(c.name()) ? c.name() : c.utcExpression() + " AS " + c.name())
                .collect(Collectors.joining(", "));
    }

    /**
     * Arguments of {@code json_build_object} for the console's properties, each column prefixed with
     * {@code alias} (e.g. {@code "g."}, or empty). Times stay timestamptz, written by PostgreSQL.
     */
    public String consoleProperties(String alias) {
        return columns(CONSOLE).stream().map(c -> "'" + c.camelName() + "', " + alias + c.expression())
                .collect(Collectors.joining(", "));
    }
}
