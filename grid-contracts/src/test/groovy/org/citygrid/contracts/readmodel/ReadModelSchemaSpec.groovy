package org.citygrid.contracts.readmodel

import java.sql.Connection
import java.sql.DriverManager
import java.time.Instant
import java.time.LocalDate
import org.citygrid.devstack.Devstack
import org.citygrid.model.geo.GeoPoint
import org.flywaydb.core.Flyway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * The schema classes against the migration itself, on real PostGIS: the database Flyway makes from
 * {@link ReadModelSchema#MIGRATIONS} (found on the class path, in this module's resources) has exactly
 * the tables and columns the classes name, and every column type writes and reads back a value.
 */
class ReadModelSchemaSpec extends Specification {

    @Shared
    String url = Devstack.sharedPostgis().createDatabase('contracts_schema')

    @Shared @AutoCleanup
    Connection db = migrate(url)

    static Connection migrate(String url) {
        Flyway.configure().dataSource(url, null, null).schemas(ReadModelSchema.SCHEMA)
                .locations(ReadModelSchema.MIGRATIONS).load().migrate()
        DriverManager.getConnection(url)
    }

    List<List<Object>> rows(String sql, Object... params) {
        def st = db.prepareStatement(sql)
        params.eachWithIndex { p, i -> st.setObject(i + 1, p) }
        def rs = st.executeQuery()
        def out = []
        while (rs.next()) {
            out << (1..rs.metaData.columnCount).collect { rs.getObject(it) }
        }
        st.close()
        out
    }

    def "the migration makes exactly the schema's tables"() {
        expect:
        rows("SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema = ? "
                + "AND table_name <> 'flyway_schema_history' ORDER BY 1", ReadModelSchema.SCHEMA)*.first() as Set ==
                ReadModelSchema.TABLES*.name() as Set
    }

    def "#table has the schema class's columns, in order, with their types"() {
        given:
        def (schema, name) = table.name().split(/\./)

        expect:
        rows("SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? "
                + "ORDER BY ordinal_position", schema, name) == table.columns().collect { [it.name(), it.type().udtName()] }
        rows("SELECT f_geometry_column, type, srid FROM geometry_columns WHERE f_table_schema = ? AND f_table_name = ? "
                + "ORDER BY 1", schema, name) ==
                table.columns().findAll { it.type().geometryType() }.sort { it.name() }.collect { [it.name(), it.type().geometryType(), 4326] }

        where:
        table << ReadModelSchema.TABLES
    }

    def "a row written with the typed helpers reads back as written, nulls included"() {
        given: 'every column of a case but the one the database sets itself'
        def columns = CasesTable.TABLE.columnsExcept(CasesTable.PROJECTED_AT)
        def at = Instant.parse('2026-03-02T01:00:00Z')
        def values = [
                (CasesTable.CASE_ID)            : '110101001001023-260302-5f0c9a1e',
                (CasesTable.VERSION)            : 4L,
                (CasesTable.STATE)              : 'IN_PROGRESS',
                (CasesTable.TERMINAL)           : false,
                (CasesTable.CATEGORY_CODE)      : 'C0101',
                (CasesTable.GRID_CODE)          : '110101001001023',
                (CasesTable.COMMUNITY_CODE)     : '110101001001',
                (CasesTable.STREET_CODE)        : '110101001',
                (CasesTable.COUNTY_CODE)        : '110101',
                (CasesTable.POSITION)           : new GeoPoint(116.40321, 39.91452),
                (CasesTable.CHANNEL)            : 'SENSOR',
                (CasesTable.DESCRIPTION)        : '井盖松动',
                (CasesTable.REPORTER_ID)        : 'mc-0042',
                (CasesTable.ANONYMOUS)          : false,
                (CasesTable.DEPARTMENT)         : 'DRAINAGE',
                (CasesTable.ASSIGNEE)           : 'handler-12',
                (CasesTable.HANDLED_BY)         : null,
                (CasesTable.ACTIVE_STAGE)       : 'HANDLING',
                (CasesTable.DEADLINE)           : Instant.parse('2026-03-03T03:20:00Z'),
                (CasesTable.DEADLINES)          : '{"HANDLING": "2026-03-03T03:20:00Z"}',
                (CasesTable.OVERDUE)            : [],
                (CasesTable.LATE_STAGES)        : ['FILING'],
                (CasesTable.ESCALATION_LEVEL)   : 0,
                (CasesTable.REWORK_COUNT)       : 1,
                (CasesTable.RETURN_COUNT)       : 0,
                (CasesTable.DUPLICATES)         : 1,
                (CasesTable.FOLLOWERS)          : ['mc-0042', 'resident-88'],
                (CasesTable.CLEARED_EPISODES)   : [],
                (CasesTable.PENDING_EXTENSION)  : null,
                (CasesTable.SUSPENSION)         : null,
                (CasesTable.REPORTED_AT)        : at,
                (CasesTable.FILED_AT)           : at.plusSeconds(5),
                (CasesTable.FIRST_DISPATCHED_AT): at.plusSeconds(1200),
                (CasesTable.HANDLED_AT)         : null,
                (CasesTable.CLOSED_AT)          : null,
                (CasesTable.RATING)             : null,
                (CasesTable.UPDATED_AT)         : at.plusSeconds(2100),
                (CasesTable.EVIDENCE)           : '[]',
                (CasesTable.SNAPSHOT)           : '{"v": 1}']

        when:
        write(CasesTable.TABLE.insert(columns), columns, values)

        then:
        read(CasesTable.TABLE, columns) == values
    }

    def "grids and indicators: WKT, numbers and days"() {
        given:
        def grid = [(GridsTable.CODE): '110101001001023', (GridsTable.COUNTY_CODE): '110101', (GridsTable.STREET_CODE): '110101001',
                    (GridsTable.COMMUNITY_CODE): '110101001001', (GridsTable.NAME_ZH): '网格', (GridsTable.NAME_EN): null,
                    (GridsTable.STREET_NAME_ZH): null, (GridsTable.STREET_NAME_EN): null, (GridsTable.COMMUNITY_NAME_ZH): null,
                    (GridsTable.COMMUNITY_NAME_EN): null, (GridsTable.AREA_M2): 12345.5d,
                    (GridsTable.GEOM): 'MULTIPOLYGON(((116.4 39.9,116.402 39.9,116.402 39.901,116.4 39.9)))']
        def gridColumns = GridsTable.TABLE.columnsExcept(GridsTable.LOADED_AT)
        def tally = [(IndicatorsTable.DAY): LocalDate.of(2026, 3, 2), (IndicatorsTable.DIMENSION): 'area',
                     (IndicatorsTable.LEVEL): 'STREET', (IndicatorsTable.CODE): '110101001',
                     (IndicatorsTable.COUNTS): '{"FILED": 3}', (IndicatorsTable.EVENTS): 5L]
        def tallyColumns = IndicatorsTable.TABLE.columnsExcept(IndicatorsTable.UPDATED_AT)

        when:
        write(GridsTable.TABLE.insert(gridColumns), gridColumns, grid)
        write(IndicatorsTable.TABLE.insert(tallyColumns), tallyColumns, tally)

        then:
        read(GridsTable.TABLE, gridColumns) == grid
        read(IndicatorsTable.TABLE, tallyColumns) == tally
    }

    def "a row with a column left out is refused before it reaches the database"() {
        given:
        def columns = [IndicatorsTable.DAY, IndicatorsTable.DIMENSION]
        def st = db.prepareStatement(IndicatorsTable.TABLE.insert(columns))

        when:
        new Row(columns).set(IndicatorsTable.DAY, LocalDate.of(2026, 3, 2)).bind(st)

        then:
        def e = thrown(IllegalStateException)
        e.message == 'no value set for [dimension]'

        cleanup:
        st.close()
    }

    def "a map shows only its table's columns, and no person or raw record among them"() {
        when: 'the layer is read as a map would'
        rows(layer.table().select(layer.attributes() + [layer.geometry()]))

        then:
        noExceptionThrown()
        layer.table().columns().containsAll(layer.attributes() + [layer.id(), layer.geometry()] + (layer.time() ? [layer.time()] : []))
        !layer.attributes()*.name().any { it in ['reporter_id', 'followers', 'assignee', 'handled_by', 'snapshot', 'evidence', 'intake_id'] }

        where:
        layer << MapTable.values()
    }

    def "statements name only their table's columns"() {
        when:
        CasesTable.TABLE.insert([CasesTable.CASE_ID, SensorsTable.DEVICE_ID])

        then:
        def e = thrown(IllegalArgumentException)
        e.message == 'not columns of grid.cases: [device_id]'
    }

    def "JSON keys are the columns in camel case"() {
        expect:
        [GridsTable.COMMUNITY_NAME_ZH, SensorsTable.LAST_VALUE, CasesTable.CASE_ID, IndicatorsTable.DAY]*.camelName() ==
                ['communityNameZh', 'lastValue', 'caseId', 'day']
    }

    private void write(String sql, List<Column<?>> columns, Map<Column<?>, Object> values) {
        def row = new Row(columns)
        values.each { column, value -> row.set(column, value) }
        def st = db.prepareStatement(sql)
        row.bind(st)
        st.executeUpdate()
        st.close()
    }

    private Map<Column<?>, Object> read(Table table, List<Column<?>> columns) {
        def st = db.prepareStatement(table.select(columns))
        def rs = st.executeQuery()
        assert rs.next()
        def out = columns.collectEntries { [(it): it.read(rs)] }
        assert !rs.next()
        st.close()
        out
    }
}
