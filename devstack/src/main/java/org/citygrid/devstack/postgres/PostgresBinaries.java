package org.citygrid.devstack.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.citygrid.devstack.DevstackException;
import org.citygrid.devstack.Processes;

/**
 * Finds the PostgreSQL 15 server programs (initdb, pg_ctl). Debian puts them off the PATH, in
 * /usr/lib/postgresql/15/bin; other installations have them in /usr/local/bin or on the PATH, or say
 * where through {@code pg_config --bindir}.
 */
final class PostgresBinaries {
    static final String DEBIAN_PACKAGE = "postgresql-15";

    private PostgresBinaries() {
    }

    /** The directory holding initdb and pg_ctl. */
    static Path find() {
        List<Path> candidates = new ArrayList<>();
        String override = System.getProperty("devstack.postgres.bindir", System.getenv("DEVSTACK_POSTGRES_BINDIR"));
        if (override != null) {
            candidates.add(Path.of(override));
        }
        candidates.add(Path.of("/usr/lib/postgresql/15/bin"));
        candidates.add(Path.of("/usr/local/pgsql/bin"));
        candidates.add(Path.of("/usr/local/bin"));
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                candidates.add(Path.of(entry));
            }
        }
        fromPgConfig().ifPresent(candidates::add);
        for (Path dir : candidates) {
            if (Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"))) {
                return dir;
            }
        }
        throw new DevstackException("PostgreSQL server programs (initdb, pg_ctl) not found in " + candidates
                + ". Install the Debian package " + DEBIAN_PACKAGE + " (./gridcity test does that, or: apt-get"
                + " install -y " + DEBIAN_PACKAGE + " postgresql-15-postgis-3), or set -Ddevstack.postgres.bindir");
    }

    private static java.util.Optional<Path> fromPgConfig() {
        for (String pgConfig : List.of("/usr/lib/postgresql/15/bin/pg_config", "pg_config")) {
            try {
                Processes.Result result = Processes.run(List.of(pgConfig, "--bindir"), Duration.ofSeconds(10));
                if (result.exitCode() == 0 && !result.output().isBlank()) {
                    return java.util.Optional.of(Path.of(result.output().strip()));
                }
            } catch (DevstackException notThere) {
                // try the next one
            }
        }
        return java.util.Optional.empty();
    }
}
