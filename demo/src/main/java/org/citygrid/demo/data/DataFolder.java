package org.citygrid.demo.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.citygrid.demo.DemoException;

/**
 * The folder the demo keeps between runs: the broker's topics, the PostGIS cluster, the sample city, the edge
 * nodes' registries and outboxes, and every service's log.
 *
 * <p>A marker file says the folder is the demo's. {@code --fresh} empties only a folder that has it, so a
 * mistyped {@code --data} can never delete someone's files.
 */
public final class DataFolder {
    public static final String MARKER = ".citygrid-demo";

    private final Path dir;

    private DataFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * Opens (and creates when missing) the data folder.
     *
     * @param fresh delete everything in it first
     * @throws DemoException when the folder holds files but is not a demo data folder, or cannot be written
     */
    public static DataFolder open(Path dir, boolean fresh) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new DemoException("the data folder " + abs + " is a file: give another --data folder");
        }
        boolean marked = Files.exists(abs.resolve(MARKER));
        if (!marked && isNonEmptyDirectory(abs)) {
            throw new DemoException("the data folder " + abs + " holds files but is not a demo data folder (it has no "
                    + MARKER + " file): give an empty or new folder with --data");
        }
        if (fresh && marked) {
            deleteContents(abs);
        }
        try {
            Files.createDirectories(abs);
            Files.writeString(abs.resolve(MARKER), "This folder holds the data of ./gridcity demo. "
                    + "./gridcity demo --fresh deletes everything in it.\n", StandardCharsets.UTF_8);
            Files.createDirectories(abs.resolve("logs"));
            Files.createDirectories(abs.resolve("run"));
        } catch (IOException e) {
            throw new DemoException("cannot write the data folder " + abs + " (" + e.getMessage()
                    + "): give a folder this user may write to with --data", e);
        }
        return new DataFolder(abs);
    }

    public Path root() {
        return dir;
    }

    /** The Kafka broker's folder (devstack layout: data/, broker.log). */
    public Path kafka() {
        return dir.resolve("kafka");
    }

    /** The PostgreSQL cluster's folder (devstack layout: data/, postgres.log). */
    public Path postgis() {
        return dir.resolve("postgis");
    }

    /** The sample city's files, written on the first run. */
    public Path city() {
        return dir.resolve("city");
    }

    /** Edge node {@code n}'s folder (1-based): its configuration, device registry, rules and outbox. */
    public Path edge(int n) {
        return dir.resolve("edge-" + n);
    }

    /** cloud-backend's Kafka Streams state. */
    public Path cloudState() {
        return dir.resolve("cloud").resolve("streams");
    }

    /** The log of a service the demo starts. */
    public Path log(String service) {
        return dir.resolve("logs").resolve(service + ".log");
    }

    /** Pid files of the services, to find one an earlier, killed demo left running. */
    public Path pidFile(String service) {
        return dir.resolve("run").resolve(service + ".pid");
    }

    /** Secrets and accounts the demo made on its first run and reuses. */
    public Path file(String name) {
        return dir.resolve(name);
    }

    private static boolean isNonEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new DemoException("cannot read the data folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteContents(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new DemoException("cannot empty the data folder " + dir + " for --fresh (" + e.getMessage()
                    + "); is a demo still running on it?", e);
        }
    }
}
