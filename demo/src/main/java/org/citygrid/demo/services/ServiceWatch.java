package org.citygrid.demo.services;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.citygrid.demo.Console;
import org.citygrid.devstack.LogTail;
import org.citygrid.devstack.ProcessReaper;
import org.citygrid.devstack.kafka.KafkaBroker;
import org.citygrid.devstack.postgres.PostgisCluster;

/**
 * Watches what the demo started while it runs, and says at once when something ends by itself: which service, its
 * exit code, and the last lines of its log.
 *
 * <p>What the demo does then depends on what ended. The simulator is only the city's traffic: without it the system
 * is whole, and a person may be in the middle of trying it, so the demo says so and goes on. Without anything else
 * (the broker, PostgreSQL, cloud-backend, mobile-api, an edge node) the demo would show a city that no longer works
 * while looking as if it did, so it stops everything, newest first as on Ctrl-C, and exits with {@link #EXIT_CODE}.
 *
 * <p>Register it with devstack's {@link ProcessReaper} after everything it watches ({@link #start} does), so that
 * the exit hook stops the watch first and services stopped on purpose are never reported.
 */
public final class ServiceWatch implements ProcessReaper.Service {
    /** The demo's exit code when a service it cannot go on without has ended. */
    public static final int EXIT_CODE = 3;
    private static final Duration EVERY = Duration.ofMillis(500);
    private static final int LOG_TAIL_LINES = 30;

    /**
     * One thing watched.
     *
     * @param name     as on the console, e.g. {@code mobile-api}
     * @param ending   how it ended, once it has ended by itself (e.g. "exit code 1"); empty while it runs
     * @param log      its log, whose last lines are shown
     * @param loss     when the demo can go on without it, what is lost then (the simulator: "no more simulated
     *                 sensor readings or people"); null when it cannot
     */
    public record Watched(String name, Supplier<Optional<String>> ending, Path log, String loss) {
        boolean optional() {
            return loss != null;
        }
    }

    private final List<Watched> watched;
    private final Console console;
    private final IntConsumer exit;
    private volatile boolean stopped;

    /**
     * @param exit what ends the demo, {@code System::exit} (whose exit hook stops everything)
     */
    public ServiceWatch(List<Watched> watched, Console console, IntConsumer exit) {
        this.watched = List.copyOf(watched);
        this.console = console;
        this.exit = exit;
    }

    /** A service the demo started and cannot go on without, watched by its exit code. */
    public static Watched of(ChildService child) {
        return optional(child, null);
    }

    /** A service the demo can go on without, losing {@code loss}, watched by its exit code. */
    public static Watched optional(ChildService child, String loss) {
        return new Watched(child.spec().name(), () -> exitCode(child.exitCode()), child.spec().logFile(), loss);
    }

    /** The Kafka broker, watched by its JVM's exit code. */
    public static Watched of(KafkaBroker broker) {
        return new Watched("the Kafka broker", () -> exitCode(broker.exitCode()), broker.logFile(), null);
    }

    /** PostgreSQL, watched by its postmaster: not the demo's child (pg_ctl detaches it), so it has no exit code. */
    public static Watched of(PostgisCluster postgis) {
        return new Watched("PostgreSQL", () -> postgis.isRunning() ? Optional.empty()
                : Optional.of("its server process is gone; it is not the demo's child, so there is no exit code"),
                postgis.logFile(), null);
    }

    /** Starts watching on a thread of its own, and registers with the exit hook so that it is stopped first. */
    public ServiceWatch start() {
        ProcessReaper.register(this);
        Thread.ofPlatform().name("demo-watch").daemon().start(this::watch);
        return this;
    }

    /** Ends the watch (the exit hook calls it first). It never waits: the watch itself may be ending the JVM. */
    @Override
    public void stop() {
        stopped = true;
        ProcessReaper.unregister(this);
    }

    @Override
    public String toString() {
        return "the watch over the demo's services";
    }

    private void watch() {
        List<Watched> left = new ArrayList<>(watched);
        List<Watched> seenEnded = new ArrayList<>();
        while (!stopped && !left.isEmpty()) {
            for (Watched w : List.copyOf(left)) {
                Optional<String> ending = w.ending().get();
                if (ending.isEmpty()) {
                    seenEnded.remove(w);
                    continue;
                }
                // Seen on two looks in a row: PostgreSQL's is read from its pid file, which it rewrites now and then.
                if (!seenEnded.contains(w)) {
                    seenEnded.add(w);
                    continue;
                }
                if (stopped) {
                    return; // the exit hook began while we looked: what ends now ends on purpose
                }
                left.remove(w);
                report(w, ending.get());
                if (!w.optional()) {
                    console.say("the demo cannot go on without " + w.name() + ": stopping everything (exit code "
                            + EXIT_CODE + ")");
                    exit.accept(EXIT_CODE);
                    return;
                }
                console.say("the rest keeps running without " + w.name() + ": " + w.loss()
                        + ". Ctrl-C stops the demo.");
            }
            try {
                Thread.sleep(EVERY.toMillis()); // between looks only; each look decides
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void report(Watched w, String ending) {
        console.say(w.name() + " ended by itself (" + ending + "); " + LogTail.of(w.log(), LOG_TAIL_LINES));
    }

    /** "exit code 137 = signal 9 (SIGKILL)": above 128 the JVM was ended by a signal, which says more. */
    static Optional<String> exitCode(java.util.OptionalInt code) {
        if (code.isEmpty()) {
            return Optional.empty();
        }
        int c = code.getAsInt();
        String signal = switch (c - 128) {
            case 9 -> " = signal 9 (SIGKILL: killed, by someone or by the kernel out of memory)";
            case 15 -> " = signal 15 (SIGTERM)";
            case 6 -> " = signal 6 (SIGABRT: the JVM crashed; look for an hs_err file)";
            default -> c > 128 && c < 160 ? " = signal " + (c - 128) : "";
        };
        return Optional.of("exit code " + c + signal);
    }
}
