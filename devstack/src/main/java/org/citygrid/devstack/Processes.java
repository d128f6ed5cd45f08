package org.citygrid.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs short-lived commands (initdb, pg_ctl, Kafka's storage tool) and kills process trees. */
public final class Processes {
    private Processes() {
    }

    /** The output and exit code of a finished command. */
    public record Result(int exitCode, String output) {
    }

    /**
     * Runs {@code command} with stdout and stderr merged, waiting at most {@code timeout}.
     *
     * @throws DevstackException when it cannot be started or does not finish in time
     */
    public static Result run(List<String> command, Duration timeout) {
        Path out = null;
        try {
            // Output goes to a file, not a pipe: a chatty child can never block on a full pipe buffer.
            out = Files.createTempFile("devstack-cmd", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process.toHandle(), Duration.ofSeconds(10));
                throw new DevstackException("command did not finish within " + timeout + ": "
                        + String.join(" ", command) + "\n" + Files.readString(out, StandardCharsets.ISO_8859_1));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new DevstackException("cannot run " + String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted while running " + String.join(" ", command), e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    /** Like {@link #run} but fails with the command's output unless it exits with 0. */
    public static String runChecked(String what, List<String> command, Duration timeout) {
        Result result = run(command, timeout);
        if (result.exitCode() != 0) {
            throw new DevstackException(what + " failed (exit code " + result.exitCode() + "): "
                    + String.join(" ", command) + "\n" + result.output().strip());
        }
        return result.output();
    }

    /**
     * Sends SIGKILL to {@code root} and to every process it had started, then waits for all of them to be
     * gone: a crash takes the whole tree, and a restart must not race the dying children.
     */
    public static void killTree(ProcessHandle root, Duration wait) {
        List<ProcessHandle> tree = new java.util.ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroyForcibly);
        // Polled here rather than through onExit(): for a process that is not our child (a postmaster, the
        // shell behind runuser) the JDK polls from 300 ms upwards, and it counts a zombie as alive.
        long deadline = System.nanoTime() + wait.toNanos();
        for (ProcessHandle handle : tree) {
            while (isLive(handle)) {
                if (System.nanoTime() > deadline) {
                    throw new DevstackException("process " + handle.pid() + " did not die within " + wait
                            + " of SIGKILL");
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DevstackException("interrupted while waiting for process " + handle.pid() + " to die", e);
                }
            }
        }
    }

    /** The live process with this pid, if there is one. */
    public static Optional<ProcessHandle> alive(long pid) {
        return ProcessHandle.of(pid).filter(Processes::isLive);
    }

    /**
     * Alive and not a zombie. A zombie has exited and let go of its ports and files; only its parent has
     * yet to collect it, and a postmaster's parent is init, which may take seconds to do so.
     */
    private static boolean isLive(ProcessHandle handle) {
        return handle.isAlive() && !isZombie(handle.pid());
    }

    private static boolean isZombie(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try (Stream<Path> threads = Files.list(proc.resolve("task"))) {
            // The main thread of a dying JVM turns zombie while its other threads are still exiting and the
            // process still holds its sockets; only a zombie without threads left is really done.
            if (threads.limit(2).count() > 1) {
                return false;
            }
            String stat = Files.readString(proc.resolve("stat"));
            // "pid (command) state ...": the command may itself hold spaces and parentheses.
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException | java.io.UncheckedIOException e) {
            return false; // no /proc here, or the process is gone: isAlive() has the say
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
