package org.citygrid.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Ties a child process to the JVM that started it, so that it never outlives it, even when that JVM is killed with
 * SIGKILL and runs no shutdown hook. The parent holds the write end of a pipe to the child's stdin and never writes
 * to it; the kernel closes it however the parent ends. The child reads that pipe to its end and then stops itself.
 *
 * <p>This class is the child's side for a JVM: run {@code java -cp <classPath()>:<the service's class path>
 * org.citygrid.devstack.Lifeline <main class> [args...]} (see {@link #command}) and keep the {@link Process}'s
 * output stream open. The real main class then runs as usual; at end-of-file on stdin this JVM exits through
 * {@link System#exit}, so its shutdown hooks run just as after SIGTERM. {@link Process#destroy()} closes the pipe
 * too, so a stop by the parent ends up here as well: both mean "stop". The Kafka broker and the demo's services
 * run this way. PostgreSQL's postmaster, which {@code pg_ctl} detaches from us, is watched by a shell reading the
 * same kind of pipe ({@code postgres.PostmasterLifeline}).
 *
 * <p>Only for a child whose stdin is such a pipe: started from a terminal or with stdin from /dev/null it stops at
 * once. It uses nothing but {@code java.base}, so it can run in front of any class path.
 */
public final class Lifeline {
    /** What the child prints to stderr (its log) when the pipe closes. */
    public static final String CLOSED = "[lifeline] stdin closed: the parent stopped this process or is gone; exiting";
    /** How long the shutdown hooks get before the JVM halts: a hook that hangs must not leave an orphan. */
    private static final long HALT_AFTER_MILLIS = 30_000;

    private Lifeline() {
    }

    /** The program arguments that run {@code mainClass} behind a lifeline: this class's name, then the main class. */
    public static List<String> command(String mainClass) {
        return List.of(Lifeline.class.getName(), mainClass);
    }

    /** Where this class is loaded from (devstack's classes or jar): put it in front of the child's class path. */
    public static String classPath() {
        try {
            return Path.of(Lifeline.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            throw new DevstackException("cannot locate devstack's own classes for a child JVM's class path", e);
        }
    }

    /** {@code args[0]} is the main class to run, the rest its arguments. */
    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: java " + Lifeline.class.getName() + " MAIN_CLASS [ARGS...]");
            System.exit(2);
        }
        Thread watch = new Thread(Lifeline::exitAtEndOfInput, "devstack-lifeline");
        watch.setDaemon(true);
        watch.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the main class's own failure, with its own stack trace and exit code 1
        }
    }

    private static void exitAtEndOfInput() {
        InputStream in = System.in;
        try {
            while (in.read() >= 0) {
                // the parent never writes; anything read is ignored
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as end-of-file
        }
        System.err.println(CLOSED);
        System.err.flush();
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER_MILLIS);
            } catch (InterruptedException ignored) {
                return;
            }
            Runtime.getRuntime().halt(1);
        }, "devstack-lifeline-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(0);
    }
}
