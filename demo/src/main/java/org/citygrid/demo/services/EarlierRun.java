package org.citygrid.demo.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.citygrid.demo.Console;
import org.citygrid.demo.DemoException;
import org.citygrid.demo.data.DataFolder;
import org.citygrid.devstack.Lifeline;
import org.citygrid.devstack.ProcessReaper;

/**
 * What an earlier demo on the same data folder may have left, dealt with before anything starts, and before the
 * ports are checked, so that a port such a process still holds does not fail the start:
 * <ul>
 *   <li>that demo still running: this start is refused, since it would take that demo's services and data away;</li>
 *   <li>that demo killed outright (SIGKILL): its services, broker and PostgreSQL are ending behind their lifelines;
 *       the start waits until they are gone, stopping any that lingers.</li>
 * </ul>
 * The demo's own pid is kept in {@code run/demo.pid} while it runs ({@link #claim}).
 */
public final class EarlierRun {
    /** The launcher's pid file in {@code run/}: {@code demo.pid}. */
    static final String LAUNCHER = "demo";
    /** Every launcher (the demo, the drills, the benchmark) runs a main class of this package or below it. */
    private static final String LAUNCHER_MARKER = "org.citygrid.demo.";

    private EarlierRun() {
    }

    /**
     * Refuses to start when another demo runs on {@code data}, waits for what a killed one left, and then records
     * this JVM as the folder's demo until the exit hook (or a drill's own stop) reaches the returned entry.
     *
     * @return the entry to register with the {@link ProcessReaper} first, so that it runs last: it removes the pid
     *         file once everything else has stopped
     * @throws DemoException naming the other demo's pid when one runs on this folder
     */
    public static ProcessReaper.Service claim(DataFolder data, Console console) {
        Path launcher = data.pidFile(LAUNCHER);
        Leftover.find(LAUNCHER, launcher, LAUNCHER_MARKER)
                .filter(other -> other.pid() != ProcessHandle.current().pid())
                .ifPresent(other -> {
                    throw new DemoException("another demo (pid " + other.pid() + ") runs on the data folder "
                            + data.root() + ": stop it first (Ctrl-C in its terminal, or kill " + other.pid()
                            + "), or give this one another folder with --data");
                });
        List<Leftover> left = leftBehind(data);
        if (!left.isEmpty()) {
            console.say("an earlier demo on this folder ended without stopping its services; waiting for "
                    + String.join(", ", left.stream().map(Leftover::name).toList()) + " to end ...");
            left.forEach(leftover -> leftover.stop(console));
        }
        clearServicePidFiles(data);
        try {
            Files.writeString(launcher, ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new DemoException("cannot write " + launcher + ": " + e.getMessage(), e);
        }
        return new Release(launcher);
    }

    /**
     * The services (pid files in {@code run/}), the broker ({@code kafka/broker.pid}) and the postmaster
     * ({@code postgis/data/postmaster.pid}) of this folder that still run.
     */
    static List<Leftover> leftBehind(DataFolder data) {
        List<Leftover> left = new ArrayList<>();
        for (Path pidFile : servicePidFiles(data)) {
            String name = pidFile.getFileName().toString().replaceFirst("\\.pid$", "");
            Leftover.find(name, pidFile, Lifeline.class.getName()).ifPresent(left::add);
        }
        Leftover.find("the Kafka broker", data.kafka().resolve("broker.pid"), data.kafka().toString())
                .ifPresent(left::add);
        Leftover.find("PostgreSQL", data.postgis().resolve("data").resolve("postmaster.pid"),
                data.postgis().toString()).ifPresent(left::add);
        return left;
    }

    private static List<Path> servicePidFiles(DataFolder data) {
        Path run = data.pidFile(LAUNCHER).getParent();
        try (Stream<Path> files = Files.list(run)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pid"))
                    .filter(f -> !f.equals(data.pidFile(LAUNCHER))).sorted().toList();
        } catch (IOException e) {
            throw new DemoException("cannot read " + run + ": " + e.getMessage(), e);
        }
    }

    /** Every service that had a pid file is gone now: the files only tell of a run that is over. */
    private static void clearServicePidFiles(DataFolder data) {
        for (Path pidFile : servicePidFiles(data)) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                throw new DemoException("cannot remove " + pidFile + " (" + e.getMessage() + "): delete it", e);
            }
        }
    }

    /** Removes the launcher's pid file when the exit hook reaches it, after everything else has stopped. */
    private record Release(Path launcher) implements ProcessReaper.Service {
        @Override
        public void stop() {
            try {
                Files.deleteIfExists(launcher);
            } catch (IOException ignored) {
                // a stale pid file is checked against the process's command line before it is acted on
            }
        }
    }
}
