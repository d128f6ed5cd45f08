package org.citygrid.api.accesskeys.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.citygrid.api.accesskeys.HashedKeys;
import org.citygrid.api.accesskeys.KeyTable;
import org.citygrid.api.persistence.Jdbc;

/** A {@link KeyTable} in one table of schema api. */
final class JdbcKeyTable implements KeyTable {

    private final Jdbc jdbc;
    private final String table;
    private final String kind;

    /**
     * @param table schema-qualified table, a constant of the factory (never input)
     * @param kind  what the key is called in error messages, e.g. "an api_key"
     */
    JdbcKeyTable(DataSource dataSource, String table, String kind) {
        this.jdbc = new Jdbc(dataSource);
        this.table = table;
        this.kind = kind;
    }

    @Override
    public void insert(String id, String keySha256, String client, Instant createdAt) {
        jdbc.update("cannot store " + kind, "INSERT INTO " + table + " (id, key_sha256, client, created_at) VALUES (?,?,?,?)",
                id, keySha256, client, Timestamp.from(createdAt));
    }

    @Override
    public Optional<HashedKeys.Holder> enabled(String keySha256) {
        return jdbc.first("cannot check " + kind, "SELECT id, client FROM " + table + " WHERE key_sha256 = ? AND NOT disabled",
                rs -> new HashedKeys.Holder(rs.getString(1), rs.getString(2)), keySha256);
    }

    @Override
    public boolean disable(String id) {
        return jdbc.update("cannot revoke " + kind, "UPDATE " + table + " SET disabled = true WHERE id = ?", id) == 1;
    }
}
