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
import org.citygrid.contracts.readmodel.CasesTable;
import org.citygrid.contracts.readmodel.Column;
import org.citygrid.contracts.readmodel.GridsTable;
import org.citygrid.contracts.readmodel.MapTable;
import org.citygrid.contracts.readmodel.SensorsTable;

/**
 * The read model's three geometry tables as map layers: the collections of OGC API Features, the
 * layers of the vector tiles and the operators' console map. Which columns may leave the server at
 * all is grid-contracts' {@link MapTable} (reporter ids, followers and the raw snapshot never do: a
 * read-only map key may be handed to another department's GIS desk); this is the one list of which
 * of them each of the three views shows. OGC API and tiles name a
 * property as its column ({@code street_code}), the console in camel case ({@code streetCode}).
 */
public enum MapLayer {

    GRIDS(MapTable.GRIDS, "grids", "Unit grids", "Unit grids (单元网格) with their street and community", List.of(
            column(GridsTable.CODE, TILES, CONSOLE),
            column(GridsTable.COUNTY_CODE, FEATURES),
            column(GridsTable.STREET_CODE, FEATURES, TILES, CONSOLE),
            column(GridsTable.COMMUNITY_CODE, FEATURES, TILES, CONSOLE),
            column(GridsTable.NAME_ZH, FEATURES, TILES, CONSOLE),
            column(GridsTable.NAME_EN, FEATURES, TILES, CONSOLE),
            column(GridsTable.STREET_NAME_ZH, FEATURES, TILES, CONSOLE),
            column(GridsTable.STREET_NAME_EN, FEATURES, TILES, CONSOLE),
            column(GridsTable.COMMUNITY_NAME_ZH, FEATURES, TILES, CONSOLE),
            column(GridsTable.COMMUNITY_NAME_EN, FEATURES, TILES, CONSOLE),
            column(GridsTable.AREA_M2, FEATURES))),

    CASES(MapTable.CASES, "cases", "Cases", "Every case with its current state, at the first report's position", List.of(
            column(CasesTable.CASE_ID, TILES, CONSOLE),
            column(CasesTable.VERSION, CONSOLE),
            column(CasesTable.STATE, FEATURES, TILES, CONSOLE),
            column(CasesTable.TERMINAL, FEATURES, TILES),
            column(CasesTable.CATEGORY_CODE, FEATURES, TILES, CONSOLE),
            column(CasesTable.GRID_CODE, FEATURES, TILES, CONSOLE),
            column(CasesTable.COMMUNITY_CODE, FEATURES, TILES),
            column(CasesTable.STREET_CODE, FEATURES, TILES),
            column(CasesTable.CHANNEL, FEATURES, CONSOLE),
            column(CasesTable.DESCRIPTION, FEATURES),
            column(CasesTable.DEPARTMENT, FEATURES, TILES, CONSOLE),
            column(CasesTable.ACTIVE_STAGE, FEATURES, TILES),
            time(CasesTable.DEADLINE, FEATURES, CONSOLE),
            new Shown(CasesTable.OVERDUE, "cardinality(overdue) > 0", false, EnumSet.of(FEATURES, TILES)),
            column(CasesTable.ESCALATION_LEVEL, FEATURES, TILES),
            time(CasesTable.REPORTED_AT, FEATURES, TILES, CONSOLE),
            time(CasesTable.UPDATED_AT, FEATURES),
            time(CasesTable.CLOSED_AT, FEATURES))),

    SENSORS(MapTable.SENSORS, "sensors", "Sensors", "Sensors seen on the intake with the last alarm edge", List.of(
            column(SensorsTable.DEVICE_ID, TILES, CONSOLE),
            column(SensorsTable.SENSOR_TYPE, FEATURES, TILES, CONSOLE),
            column(SensorsTable.GRID_CODE, FEATURES, TILES, CONSOLE),
            column(SensorsTable.ALARM_STATE, FEATURES, TILES, CONSOLE),
            column(SensorsTable.EPISODE_ID, FEATURES),
            column(SensorsTable.QUANTITY, FEATURES, TILES, CONSOLE),
            column(SensorsTable.LAST_VALUE, FEATURES, TILES, CONSOLE),
            column(SensorsTable.UNIT, FEATURES, TILES, CONSOLE),
            column(SensorsTable.THRESHOLD, FEATURES, TILES, CONSOLE),
            time(SensorsTable.OBSERVED_AT, FEATURES, CONSOLE),
            column(SensorsTable.CASE_ID, FEATURES, TILES, CONSOLE),
            time(SensorsTable.UPDATED_AT, FEATURES)));

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
     * @param column     the read model's column (grid-contracts), among the table's {@link MapTable#attributes()}
     * @param expression the SQL giving its value
     * @param time       a timestamptz: OGC API and tiles write it as RFC 3339 UTC to the second
     */
    public record Shown(Column<?> column, String expression, boolean time, Set<View> views) {

        /** The property name in OGC API and tiles: the column's name. */
        public String name() {
            return column.name();
        }

        /** The console's property name: {@code street_name_zh} becomes {@code streetNameZh}. */
        public String camelName() {
            return column.camelName();
        }

        /** The value as OGC API and the tiles give it. */
        String utcExpression() {
            return time ? utc(expression) : expression;
        }
    }

    private final MapTable table;
    private final String id;
    private final String title;
    private final String description;
    private final List<Shown> columns;

    MapLayer(MapTable table, String id, String title, String description, List<Shown> columns) {
        List<Column<?>> foreign = columns.stream().map(Shown::column).filter(c -> !table.attributes().contains(c)).toList();
        if (!foreign.isEmpty()) {
            // grid-contracts' MapTable says which columns may leave the server at all
            throw new IllegalStateException(id + " would show columns that are not map attributes: " + foreign);
        }
        this.table = table;
        this.id = id;
        this.title = title;
        this.description = description;
        this.columns = columns;
    }

    private static Shown column(Column<?> column, View... views) {
        return new Shown(column, column.name(), false, EnumSet.copyOf(Arrays.asList(views)));
    }

    private static Shown time(Column<?> column, View... views) {
        return new Shown(column, column.name(), true, EnumSet.copyOf(Arrays.asList(views)));
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
        return table.table().name();
    }

    public String idColumn() {
        return table.id().name();
    }

    public String geometryColumn() {
        return table.geometry().name();
    }

    /** The column {@code datetime} filters on, or null when the layer has no time (grids). */
    public String timeColumn() {
        return table.time() == null ? null : table.time().name();
    }

    /** The columns shown in {@code view}, in order. */
    public List<Shown> columns(View view) {
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
