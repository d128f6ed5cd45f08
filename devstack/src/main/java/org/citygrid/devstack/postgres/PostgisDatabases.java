package org.citygrid.devstack.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import org.citygrid.devstack.DevstackException;

/**
 * Creates a cluster's databases, each with PostGIS: a machine without PostGIS fails here, naming the
 * package to install, not later in a spec's first spatial query.
 */
final class PostgisDatabases {
    /** Plain lower-case identifiers: the name goes into CREATE DATABASE unquoted. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private PostgisDatabases() {
    }

    /** Creates database {@code name} on {@code cluster} unless it exists, and the postgis extension in it. */
    static void create(PostgisCluster cluster, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + NAME + ": " + name);
        }
        try (Connection admin = cluster.connect("postgres")) {
            try (PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        try (Statement create = admin.createStatement()) {
                            create.execute("CREATE DATABASE " + name);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new DevstackException("cannot create database " + name + " on " + cluster + ": " + e.getMessage(), e);
        }
        try (Connection db = cluster.connect(name)) {
            createExtension(db, "postgis", PostgisCluster.POSTGIS_PACKAGE);
        } catch (SQLException e) {
            throw new DevstackException("cannot set up database " + name + " on " + cluster + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates {@code extension} in the connected database, failing with the Debian package to install when
     * the server does not have it (checked up front: PostgreSQL's own error names only a control file).
     */
    static void createExtension(Connection db, String extension, String debianPackage) throws SQLException {
        try (PreparedStatement available = db.prepareStatement(
                "SELECT 1 FROM pg_available_extensions WHERE name = ?")) {
            available.setString(1, extension);
            try (ResultSet rs = available.executeQuery()) {
                if (!rs.next()) {
                    throw new DevstackException("the PostgreSQL extension " + extension + " is not installed on this"
                            + " machine: install " + debianPackage + " (apt-get install -y " + debianPackage
                            + "; ./gridcity test installs it when it may)");
                }
            }
        }
        try (Statement create = db.createStatement()) {
            create.execute("CREATE EXTENSION IF NOT EXISTS " + extension);
        }
    }
}
