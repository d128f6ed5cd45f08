package org.citygrid.demo.services;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.citygrid.demo.Console;
import org.citygrid.demo.DemoException;
import org.citygrid.devstack.Lifeline;
import org.citygrid.devstack.LogTail;
import org.citygrid.devstack.ProcessReaper;
import org.citygrid.devstack.Processes;

/**
 * A service of the demo running as a child JVM. It registers with devstack's {@link ProcessReaper} when
 * started, next to the broker and the PostGIS cluster, so that one exit hook stops everything newest first:
 * the simulator before the edge nodes, the edge nodes before the cloud, the cloud before the broker.
 *
 * <p>It runs behind devstack's {@link Lifeline}: its stdin is a pipe that only this JVM holds, so when the demo is
 * killed outright (SIGKILL, no exit hook) the service reads end-of-file and stops itself instead of holding its
 * port. Its pid goes into a file, so that the next start can wait for it to be gone ({@link EarlierRun}).
 */
public final class ChildService implements ProcessReaper.Service {
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 30;

    private final ServiceSpec spec;
    private final String classPath;
    private final Path pidFile;
    private final Console console;
    private Process process;

    public ChildService(ServiceSpec spec, String classPath, Path pidFile, Console console) {
        this.spec = spec;
        this.classPath = classPath;
        this.pidFile = pidFile;
        this.console = console;
    }

    /**
     * Starts the JVM and returns once its readiness probe passes.
     *
     * @throws DemoException when it exits or does not become ready within {@code timeout}; the message ends with
     *                       the tail of its log
     */
    public ChildService start(Duration timeout) {
        stopLeftover();
        try {
            Files.createDirectories(spec.logFile().getParent());
            Files.writeString(spec.logFile(), "=== demo: starting " + spec.name() + " at " + Instant.now() + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            long logStart = Files.size(spec.logFile());
            ProcessBuilder builder = new ProcessBuilder(command())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
            builder.environment().putAll(spec.env());
            process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            ProcessReaper.register(this);
            awaitReady(logStart, timeout);
            return this;
        } catch (IOException e) {
            throw new DemoException("cannot start " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    /** SIGTERM, as an operator would stop it; SIGKILL if it has not ended within 30 seconds. */
    @Override
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        if (!process.isAlive()) {
            console.say(spec.name() + " had already ended (exit code " + process.exitValue() + ")");
            forget();
            return;
        }
        console.say("stopping " + spec.name());
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                console.say(spec.name() + " did not stop within " + STOP_GRACE.toSeconds() + " s: killing it");
                Processes.killTree(process.toHandle(), Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Processes.killTree(process.toHandle(), Duration.ofSeconds(10));
        }
        forget();
    }

    /**
     * SIGKILL, as a power cut or the kernel's OOM killer would end it: no shutdown hook, no flush, nothing
     * closed. Returns once the process is gone; {@link #start} then runs it again with the same spec (same
     * configuration, ports and data), as the fault drills do.
     */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        console.say("killing " + spec.name() + " (SIGKILL, pid " + process.pid() + ")");
        process.destroyForcibly(); // SIGKILL on Unix
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new DemoException(spec.name() + " (pid " + process.pid() + ") still runs 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted while killing " + spec.name(), e);
        }
        forget();
    }

    /**
     * The exit code of the service once it has ended by itself (a crash, or a kill by someone else); empty while it
     * runs, and after {@link #stop()} or {@link #kill()}, which end it on purpose.
     */
    public synchronized OptionalInt exitCode() {
        return process != null && !process.isAlive() ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized Optional<Long> pid() {
        return Optional.ofNullable(process).map(Process::pid);
    }

    public ServiceSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return spec.name();
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(spec.jvmOptions());
        command.add("-cp");
        command.add(Lifeline.classPath() + File.pathSeparator + classPath);
        command.addAll(Lifeline.command(spec.mainClass()));
        command.addAll(spec.args());
        return command;
    }

    private void awaitReady(long logStart, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient http = spec.readiness() instanceof Readiness.HttpOk
                ? HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build() : null;
        while (true) {
            if (isReady(logStart, http)) {
                return;
            }
            if (!process.isAlive()) {
                int code = process.exitValue();
                forget();
                throw new DemoException(spec.name() + " exited during start (exit code " + code + ")\n"
                        + LogTail.of(spec.logFile(), LOG_TAIL_LINES));
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new DemoException(spec.name() + " did not show " + spec.readiness().describe() + " within "
                        + timeout.toSeconds() + " s and was stopped (a slow machine? --start-timeout gives it longer)\n"
                        + LogTail.of(spec.logFile(), LOG_TAIL_LINES));
            }
            try {
                Thread.sleep(200); // between probes only; the probe decides when to go on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoException("interrupted while waiting for " + spec.name(), e);
            }
        }
    }

    private boolean isReady(long logStart, HttpClient http) {
        return switch (spec.readiness()) {
            case Readiness.LogLine line -> logSince(logStart).lines().anyMatch(l -> line.pattern().matcher(l).find());
            case Readiness.HttpOk ok -> {
                try {
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ok.uri())
                            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                    yield response.statusCode() == 200;
                } catch (IOException e) {
                    yield false; // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    yield false;
                }
            }
        };
    }

    private String logSince(long offset) {
        try (RandomAccessFile file = new RandomAccessFile(spec.logFile().toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 4 << 20)];
            file.seek(offset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** A JVM of this service whose pid an earlier run recorded, still running our main class: stop it. */
    private void stopLeftover() {
        Leftover.find(spec.name(), pidFile, spec.mainClass()).ifPresent(leftover -> leftover.stop(console));
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new DemoException("cannot remove " + pidFile + " (" + e.getMessage() + "): delete it", e);
        }
    }

    private void forget() {
        ProcessReaper.unregister(this);
        process = null;
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is checked against the process's command line before it is acted on
        }
    }
}
