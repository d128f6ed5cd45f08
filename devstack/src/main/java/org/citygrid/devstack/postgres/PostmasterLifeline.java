package org.citygrid.devstack.postgres;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.citygrid.devstack.DevstackException;
import org.citygrid.devstack.Processes;

/**
 * Stops a cluster when the JVM that started it is gone without running its shutdown hooks (SIGKILL,
 * a crashed or timed-out test JVM): devstack's {@link org.citygrid.devstack.Lifeline}, with a shell for the
 * child's side. pg_ctl starts the postmaster detached from us, so it would run on; instead a small shell,
 * running as the server's OS user, waits for end-of-file on a pipe that only this JVM holds open (the kernel
 * closes it whatever way the JVM ends) and then stops the cluster.
 *
 * <p>When the cluster is stopped or killed on purpose the shell is killed first, never released through
 * the pipe: it must not stop a server that a restart has started again on the same data directory.
 */
final class PostmasterLifeline {
    // $0 and $1 are pg_ctl and the data directory; `read` returns non-zero only at end-of-file.
    private static final String WATCH = "while read -r _; do :; done; exec \"$0\" -D \"$1\" -m fast -w stop";

    private final Process shell;

    private PostmasterLifeline(Process shell) {
        this.shell = shell;
    }

    static PostmasterLifeline attach(OsUser osUser, Path pgCtl, Path dataDir) {
        try {
            Process shell = new ProcessBuilder(osUser.wrap(List.of("sh", "-c", WATCH, pgCtl.toString(),
                    dataDir.toString())))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new PostmasterLifeline(shell);
        } catch (IOException e) {
            throw new DevstackException("cannot start the shell that stops PostgreSQL in " + dataDir
                    + " when this JVM dies: " + e, e);
        }
    }

    /** Ends the watch without stopping the cluster. */
    void cut() {
        // SIGKILL first, and only then close our end of the pipe: closed first, the shell would stop the server.
        Processes.killTree(shell.toHandle(), Duration.ofSeconds(10));
        try {
            shell.getOutputStream().close();
        } catch (IOException ignored) {
            // the shell is dead; nothing reads the pipe any more
        }
    }
}
