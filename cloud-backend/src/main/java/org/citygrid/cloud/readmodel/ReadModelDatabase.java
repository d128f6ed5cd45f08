package org.citygrid.cloud.readmodel;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.citygrid.contracts.readmodel.ReadModelSchema;
import org.flywaydb.core.Flyway;

/**
 * Where the read model lives, and its schema: Flyway migrates schema {@code grid} from grid-contracts'
 * migrations ({@link ReadModelSchema#MIGRATIONS}, on the class path with that module) before anything
 * is written, so the tables always match docs/read-model.md for the version of the code that writes
 * them. cloud-backend is the one module that runs them.
 */
public final class ReadModelDatabase {

    private final String url;
    private final String user;
    private final String password;

    /** @param user and {@code password} may be empty when the URL carries them */
    public ReadModelDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user == null || user.isBlank() ? null : user;
        this.password = password == null || password.isBlank() ? null : password;
    }

    public void migrate() {
        Flyway.configure()
                .dataSource(url, user, password)
                .schemas(ReadModelSchema.SCHEMA)
                .locations(ReadModelSchema.MIGRATIONS)
                .load()
                .migrate();
    }

    public Connection connect() throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        // batched inserts are rewritten into multi-row statements: one round trip per batch
        props.setProperty("reWriteBatchedInserts", "true");
        Connection connection = DriverManager.getConnection(url, props);
        connection.setAutoCommit(false);
        return connection;
    }

    @Override
    public String toString() {
        return url.replaceAll("password=[^&]*", "password=***");
    }
}
