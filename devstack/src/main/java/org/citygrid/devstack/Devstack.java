package org.citygrid.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.citygrid.devstack.kafka.KafkaBroker;
import org.citygrid.devstack.postgres.PostgisCluster;

/**
 * Where tests get their broker and cluster. {@link #sharedKafka()} and {@link #sharedPostgis()} start
 * one of each per JVM on first use, so every spec of a module's test run shares them (give each spec its
 * own topics and databases); they are stopped when the JVM exits. A spec that kills or restarts a service
 * takes a private one from {@link #privateKafka(String)} or {@link #privatePostgis(String)} instead.
 *
 * <p>Everything lives under {@link #baseDirectory()}: {@code target/devstack} of the module whose tests
 * run (Surefire's working directory), or the directory in system property {@code devstack.dir}. Each
 * service's directory is emptied before its first start in a JVM, so a run never sees an earlier run's
 * topics or rows; it is left in place afterwards so that its logs can be read.
 */
public final class Devstack {
    private static KafkaBroker sharedKafka;
    private static PostgisCluster sharedPostgis;

    private Devstack() {
    }

    /** The JVM's shared broker, started on first call. */
    public static synchronized KafkaBroker sharedKafka() {
        if (sharedKafka == null) {
            // Kept only once started: after a failed start the next spec tries again and gets the real
            // error, not a broker object that was never running.
            sharedKafka = privateKafka("shared-kafka").start();
        }
        return sharedKafka;
    }

    /** The JVM's shared PostgreSQL + PostGIS cluster, started on first call. */
    public static synchronized PostgisCluster sharedPostgis() {
        if (sharedPostgis == null) {
            sharedPostgis = privatePostgis("shared-postgis").start();
        }
        return sharedPostgis;
    }

    /**
     * A broker of the caller's own, not started, in a fresh directory {@code name} under the base directory.
     * It is stopped at JVM exit if the caller has not done so.
     */
    public static KafkaBroker privateKafka(String name) {
        return KafkaBroker.in(freshDirectory(name));
    }

    /** A PostgreSQL cluster of the caller's own, not started, in a fresh directory {@code name}. */
    public static PostgisCluster privatePostgis(String name) {
        return PostgisCluster.in(freshDirectory(name));
    }

    /** {@code target/devstack} of the current working directory, or system property {@code devstack.dir}. */
    public static Path baseDirectory() {
        return Path.of(System.getProperty("devstack.dir", "target/devstack")).toAbsolutePath().normalize();
    }

    /**
     * Directory {@code name} under the base directory, emptied (and any service an earlier run left running
     * on it stopped): for a spec that builds a service with its own settings, e.g. a fixed port.
     */
    public static Path freshDirectory(String name) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a devstack directory name is one path segment: " + name);
        }
        Path dir = baseDirectory().resolve(name);
        if (Files.exists(dir)) {
            stopStrays(dir);
            deleteRecursively(dir);
        }
        return dir;
    }

    /**
     * An earlier JVM killed before its hooks ran may have left a postmaster (or, briefly, a broker) running
     * on this directory; it must be gone before the directory is deleted under it.
     */
    private static void stopStrays(Path dir) {
        for (Path pidFile : new Path[] {dir.resolve("data/postmaster.pid"), dir.resolve("broker.pid")}) {
            try {
                if (!Files.isReadable(pidFile)) {
                    continue;
                }
                String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
                Processes.alive(Long.parseLong(firstLine))
                        .filter(h -> h.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false))
                        .ifPresent(h -> Processes.killTree(h, java.time.Duration.ofSeconds(30)));
            } catch (IOException | NumberFormatException ignored) {
                // no readable pid: nothing to stop
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new DevstackException("cannot empty the devstack directory " + dir + ": " + e, e);
        }
    }
}
