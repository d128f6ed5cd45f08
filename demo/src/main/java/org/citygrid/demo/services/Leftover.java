package org.citygrid.demo.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.citygrid.demo.Console;
import org.citygrid.demo.DemoException;
import org.citygrid.devstack.Processes;

/**
 * A process an earlier demo on the same data folder started and left running: found through the pid file written
 * for it, and only while that pid still runs a command line naming {@code marker}, since pids are reused.
 *
 * @param name   for the console, e.g. {@code mobile-api}
 * @param handle the running process
 */
record Leftover(String name, ProcessHandle handle) {
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /**
     * The process whose pid is on the first line of {@code pidFile}, if it is alive and its command line contains
     * {@code marker}.
     *
     * @throws DemoException when the file exists but cannot be read
     */
    static Optional<Leftover> find(String name, Path pidFile, String marker) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d{1,10}")) {
                return Optional.empty(); // being written right now, or not ours to read: nothing to act on
            }
            return Processes.alive(Long.parseLong(lines.getFirst().strip()))
                    .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                    .map(h -> new Leftover(name, h));
        } catch (IOException e) {
            throw new DemoException("cannot read " + pidFile + " (" + e.getMessage() + "): delete it", e);
        }
    }

    long pid() {
        return handle.pid();
    }

    /**
     * SIGTERM, then SIGKILL if it has not ended within 30 seconds; returns once it is gone. A service whose demo was
     * killed is stopping by itself already (its lifeline), so this mostly waits.
     */
    void stop(Console console) {
        console.say("stopping " + name + " (pid " + pid() + "), left running by an earlier demo");
        handle.destroy();
        try {
            handle.onExit().get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            Processes.killTree(handle, Duration.ofSeconds(10));
        }
    }
}
