package org.citygrid.api.testkit

import org.flywaydb.core.Flyway

/**
 * Schema {@code grid}, made by the read model's own Flyway migrations (grid-contracts' resources, on the
 * class path), as the case cycle makes it in a real database. The specs then fill it as the projection would.
 */
final class ReadModelSchema {

    private ReadModelSchema() {
    }

    static void create(String jdbcUrl) {
        Flyway.configure()
                .dataSource(jdbcUrl, null, null)
                .schemas(org.citygrid.contracts.readmodel.ReadModelSchema.SCHEMA)
                .createSchemas(true)
                .locations(org.citygrid.contracts.readmodel.ReadModelSchema.MIGRATIONS)
                .load()
                .migrate()
    }
}
