package org.citygrid.api.support

import org.flywaydb.core.Flyway

/**
 * Schema {@code grid}, made by cloud-backend's own Flyway migrations (copied into the test class path by
 * the build), as the case cycle makes it in a real database. The specs then fill it as the projection would.
 */
final class ReadModelSchema {

    private ReadModelSchema() {
    }

    static void create(String jdbcUrl) {
        Flyway.configure()
                .dataSource(jdbcUrl, null, null)
                .schemas('grid')
                .createSchemas(true)
                .locations('classpath:readmodel/migration')
                .load()
                .migrate()
    }
}
