package org.citygrid.contracts.readmodel;

import java.util.List;

/**
 * The PostGIS read model as a contract: schema {@value #SCHEMA}, made by the Flyway migrations at
 * {@value #MIGRATIONS} (this module's resources, so every module that depends on grid-contracts has
 * them on its class path), and its tables. docs/read-model.md says what the rows mean.
 *
 * <p>Who does what:
 * <ul>
 *   <li>cloud-backend owns the data: it runs the migrations ({@code ReadModelDatabase}) and is the only
 *       writer, through its projection's row writers, which build their statements from these tables
 *       ({@link Table#insert}, {@link Row});</li>
 *   <li>mobile-api only reads: it names tables and columns through {@link GridsTable}, {@link CasesTable},
 *       {@link CaseEventsTable}, {@link SensorsTable} and {@link IndicatorsTable} ({@code NAME} in SQL text,
 *       {@link Table#select} and {@link Column#read} for typed rows), and its map layers (OGC API
 *       Features, vector tiles, the console) take their tables, geometry and attributes from
 *       {@link MapTable}; its specs make the schema with Flyway from {@value #MIGRATIONS}, as
 *       cloud-backend does in a real database.</li>
 * </ul>
 * A migration, once released, is never edited: Flyway checks each applied one against its checksum.
 * A change is a new {@code V<n>__*.sql} next to it, and the table classes change with it.
 */
public final class ReadModelSchema {

    public static final String SCHEMA = "grid";

    /** Where Flyway finds the migrations: {@code db/migration/grid} on the class path. */
    public static final String MIGRATIONS = "classpath:db/migration/grid";

    /** Every table, in the order the migration creates them. */
    public static final List<Table> TABLES = List.of(GridsTable.TABLE, CasesTable.TABLE, CaseEventsTable.TABLE,
            SensorsTable.TABLE, IndicatorsTable.TABLE);

    private ReadModelSchema() {
    }
}
