package org.citygrid.devstack.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.citygrid.devstack.DevstackException;
import org.citygrid.devstack.FreePorts;
import org.citygrid.devstack.LogTail;
import org.citygrid.devstack.ProcessReaper;
import org.citygrid.devstack.Processes;
import org.citygrid.devstack.ServiceDirectory;

/**
 * A private PostgreSQL 15 cluster with PostGIS, for tests and the all-in-one demo: created with initdb
 * (trust authentication, UTF8, C locale, superuser {@code postgres}) in the directory given to
 * {@link #builder(Path)} and kept there across restarts, listening on 127.0.0.1 only. It survives the
 * server being killed, not the machine crashing: it runs with {@code fsync=off}.
 *
 * <p>Layout of the directory: {@code data/} (PGDATA), {@code postgres.log} (the server log, appended to
 * on every start) and {@code run/} (the Unix socket, which only pg_ctl uses; clients connect over TCP).
 * When the JVM runs as root the directory belongs to the OS user {@code postgres}, which runs the server.
 *
 * <p>A started cluster is stopped when the JVM exits, and by its {@link PostmasterLifeline} when the JVM is
 * killed; a postmaster left behind all the same is stopped by the next start on the same directory. Not thread-safe: one owner starts and stops it.
 */
public final class PostgisCluster implements ProcessReaper.Service, AutoCloseable {
    /** The Debian package providing PostGIS for PostgreSQL 15. */
    public static final String POSTGIS_PACKAGE = "postgresql-15-postgis-3";
    private static final int LOG_TAIL_LINES = 30;
    /** Unix socket paths longer than this do not fit sockaddr_un on Linux (108 bytes with the NUL). */
    private static final int MAX_SOCKET_PATH = 107;

    private final Path dir;
    private final Integer fixedPort;
    private final Duration startTimeout;
    private final OsUser osUser = OsUser.current();

    private Path binDir;
    private Path socketDir;
    private int port;
    private boolean started;
    private PostmasterLifeline lifeline;

    private PostgisCluster(Builder builder) {
        this.dir = ServiceDirectory.prepare("PostgreSQL", builder.dir);
        this.fixedPort = builder.port;
        this.startTimeout = builder.startTimeout;
    }

    /** A cluster with default settings kept in {@code dir}. */
    public static PostgisCluster in(Path dir) {
        return builder(dir).build();
    }

    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /**
     * Creates the cluster when the directory holds none yet, starts it and returns once it accepts JDBC
     * connections. Does nothing when this instance already runs it.
     *
     * @throws DevstackException when the programs are missing, the directory is unusable, or the server
     *                           does not start; the message says which and ends with the server log's tail
     */
    public synchronized PostgisCluster start() {
        if (started && isRunning()) {
            return this;
        }
        if (binDir == null) {
            binDir = PostgresBinaries.find();
        }
        if (port == 0) {
            port = fixedPort != null ? fixedPort : FreePorts.pick();
        }
        prepareDirectories();
        stopLeftoverFromEarlierRun();
        FreePorts.requireFree(port, "PostgreSQL in " + dir);
        if (!Files.exists(dataDir().resolve("PG_VERSION"))) {
            initdb();
        }
        // fsync=off: a killed server loses nothing (the kernel still holds what it wrote), only a crash of the
        // machine would, and a test or demo cluster is recreated then. With fsync on, every CREATE DATABASE
        // and the start after a kill (which first fsyncs all of PGDATA) cost seconds on a busy disk.
        String options = "-p " + port + " -k " + socketDir + " -c listen_addresses=127.0.0.1 -c fsync=off";
        Processes.Result result = Processes.run(osUser.wrap(List.of(
                binDir.resolve("pg_ctl").toString(), "-D", dataDir().toString(), "-l", logFile().toString(),
                "-w", "-t", Long.toString(startTimeout.toSeconds()), "-o", options, "start")),
                startTimeout.plusSeconds(10));
        if (result.exitCode() != 0) {
            throw new DevstackException("PostgreSQL in " + dir + " did not start on port " + port + " (pg_ctl exit code "
                    + result.exitCode() + "):\n" + result.output().strip() + "\n" + LogTail.of(logFile(), LOG_TAIL_LINES));
        }
        started = true;
        lifeline = PostmasterLifeline.attach(osUser, binDir.resolve("pg_ctl"), dataDir());
        ProcessReaper.register(this);
        awaitConnections();
        return this;
    }

    /** Stops the server with a fast shutdown (clients disconnected, data checkpointed). */
    @Override
    public synchronized void stop() {
        if (!started) {
            return;
        }
        if (isRunning()) {
            Processes.runChecked("stopping PostgreSQL in " + dir, osUser.wrap(List.of(
                    binDir.resolve("pg_ctl").toString(), "-D", dataDir().toString(), "-m", "fast", "-w", "-t", "60",
                    "stop")), Duration.ofSeconds(70));
        }
        forget();
    }

    /**
     * Kills the postmaster and its backends with SIGKILL, as a crash of the machine would, and waits until
     * they are gone. Committed transactions are in the WAL; the next start replays it.
     */
    public synchronized void kill() {
        if (!started) {
            return;
        }
        postmaster().ifPresent(this::killTree);
        forget();
    }

    /** Stops the server if it runs, then starts it again on the same port and data. */
    public synchronized PostgisCluster restart() {
        stop();
        return start();
    }

    /** True while a postmaster runs on this cluster's data directory. */
    public synchronized boolean isRunning() {
        return postmaster().isPresent();
    }

    /**
     * Creates database {@code name} (unless it exists) with the postgis extension, and returns its JDBC
     * URL. Names are lower-case SQL identifiers, e.g. {@code cases_spec}.
     *
     * @throws DevstackException naming {@value #POSTGIS_PACKAGE} when PostGIS is not installed
     */
    public String createDatabase(String name) {
        PostgisDatabases.create(this, name);
        return jdbcUrl(name);
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/DB?user=postgres} (trust authentication: no password). */
    public synchronized String jdbcUrl(String database) {
        if (port == 0) {
            throw new IllegalStateException("the PostgreSQL cluster in " + dir + " has not been started yet");
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** A new connection to {@code database} as the superuser {@code postgres}. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database));
    }

    public synchronized int port() {
        return port;
    }

    /** The directory given at construction. */
    public Path directory() {
        return dir;
    }

    /** The server log, appended to on every start. */
    public Path logFile() {
        return dir.resolve("postgres.log");
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "PostgisCluster[" + (port == 0 ? "not started" : "127.0.0.1:" + port) + ", " + dir + "]";
    }

    private Path dataDir() {
        return dir.resolve("data");
    }

    private void prepareDirectories() {
        Path run = dir.resolve("run");
        socketDir = run.resolve(".s.PGSQL." + port).toString().length() <= MAX_SOCKET_PATH ? run : shortSocketDir();
        try {
            Files.createDirectories(socketDir);
        } catch (IOException e) {
            throw new DevstackException("cannot create the socket directory " + socketDir + ": " + e, e);
        }
        if (Files.exists(dataDir()) && !Files.isDirectory(dataDir())) {
            throw new DevstackException("PostgreSQL data directory " + dataDir() + " exists but is not a directory:"
                    + " remove it or give another directory");
        }
        osUser.handOver(dir);
        if (!socketDir.startsWith(dir)) {
            osUser.handOver(socketDir);
        }
    }

    /** A deep project directory makes too long a socket path; /tmp is the conventional short place. */
    private static Path shortSocketDir() {
        try {
            Path tmp = Files.createTempDirectory("citygrid-pg");
            tmp.toFile().deleteOnExit();
            return tmp;
        } catch (IOException e) {
            throw new DevstackException("cannot create a socket directory under /tmp: " + e, e);
        }
    }

    private void initdb() {
        Path data = dataDir();
        try {
            if (Files.isDirectory(data)) {
                try (var entries = Files.list(data)) {
                    if (entries.findAny().isPresent()) {
                        throw new DevstackException(data + " is not empty and holds no PostgreSQL cluster (no"
                                + " PG_VERSION): remove it, or give PostgisCluster another directory");
                    }
                }
            }
        } catch (IOException e) {
            throw new DevstackException("cannot read " + data + ": " + e, e);
        }
        // -N: skip the fsyncs at the end of initdb; a cluster made for tests is recreated, not recovered.
        Processes.runChecked("initdb into " + data, osUser.wrap(List.of(binDir.resolve("initdb").toString(),
                "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "-N")),
                Duration.ofMinutes(2));
    }

    /** The postmaster of this data directory, from its postmaster.pid, if it is alive. */
    private Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDir().resolve("postmaster.pid");
        try {
            if (!Files.isReadable(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                return Optional.empty();
            }
            return Processes.alive(Long.parseLong(lines.get(0).strip()))
                    .filter(h -> h.info().command().map(c -> c.endsWith("postgres")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // being written or removed right now: treat as not running
        }
    }

    private void killTree(ProcessHandle postmaster) {
        Processes.killTree(postmaster, Duration.ofSeconds(30));
        // The killed postmaster stays a zombie until init collects it, which can take seconds, and until then
        // PostgreSQL refuses to start: kill(pid, 0) on the pid in its lock files still succeeds. Every process
        // of the server is dead by now, so the locks protect nothing any more.
        for (Path lock : List.of(dataDir().resolve("postmaster.pid"), socketDir.resolve(".s.PGSQL." + port + ".lock"))) {
            try {
                Files.deleteIfExists(lock);
            } catch (IOException e) {
                throw new DevstackException("cannot remove the lock file " + lock + " of the killed PostgreSQL: " + e, e);
            }
        }
    }

    /** A postmaster this instance did not start was left by a JVM that died without its shutdown hooks. */
    private void stopLeftoverFromEarlierRun() {
        postmaster().ifPresent(this::killTree);
    }

    private void awaitConnections() {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
                s.execute("SELECT 1");
                return;
            } catch (SQLException e) {
                last = e;
            }
            if (!isRunning()) {
                forget();
                throw new DevstackException("PostgreSQL in " + dir + " exited during start\n"
                        + LogTail.of(logFile(), LOG_TAIL_LINES));
            }
            try {
                Thread.sleep(100); // between polls only; the poll decides when to go on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevstackException("interrupted while waiting for PostgreSQL", e);
            }
        }
        throw new DevstackException("PostgreSQL in " + dir + " did not accept connections on port " + port
                + " within " + startTimeout + ": " + last + "\n" + LogTail.of(logFile(), LOG_TAIL_LINES), last);
    }

    private void forget() {
        if (lifeline != null) {
            lifeline.cut();
            lifeline = null;
        }
        started = false;
        ProcessReaper.unregister(this);
    }

    /** Settings for a {@link PostgisCluster}. */
    public static final class Builder {
        private final Path dir;
        private Integer port;
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder(Path dir) {
            this.dir = dir;
        }

        /** The TCP port on 127.0.0.1; a free one by default. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** How long {@link #start()} waits for the server, 60 s by default. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        public PostgisCluster build() {
            return new PostgisCluster(this);
        }
    }
}
