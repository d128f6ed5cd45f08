package org.citygrid.api.accesskeys.persistence;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.citygrid.api.accesskeys.KeyTable;

/** The two kinds of hashed keys and their tables (V4__open311_keys.sql, V6__map_keys.sql). */
@Factory
class KeyTables {

    @Singleton
    @Named(KeyTable.OPEN311)
    KeyTable open311(DataSource dataSource) {
        return new JdbcKeyTable(dataSource, "api.open311_keys", "an api_key");
    }

    @Singleton
    @Named(KeyTable.MAP)
    KeyTable map(DataSource dataSource) {
        return new JdbcKeyTable(dataSource, "api.map_keys", "a map key");
    }
}
