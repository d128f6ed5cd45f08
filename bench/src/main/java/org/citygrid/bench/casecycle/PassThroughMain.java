package org.citygrid.bench.casecycle;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.citygrid.bench.measure.PassThroughTopology;

/**
 * The case-cycle benchmark's baseline as a service of its own: {@link PassThroughTopology} in a child JVM, started the
 * way the benchmark starts cloud-backend (same JVM options, same {@code CITYGRID_*} settings), so that the two
 * Streams applications are measured alike and neither shares a JVM with the load.
 *
 * <p>{@code java ... PassThroughMain IN_TOPIC OUT_TOPIC}; the settings come from the environment as cloud-backend
 * reads them: {@code CITYGRID_KAFKA_BOOTSTRAP}, {@code CITYGRID_APPLICATION_ID}, {@code CITYGRID_STATE_DIR},
 * {@code CITYGRID_COMMIT_INTERVAL}, {@code CITYGRID_SESSION_TIMEOUT}, {@code CITYGRID_INSTANCE_ID}. Prints
 * {@value #RUNNING} once the topology is RUNNING, and stops cleanly on SIGTERM.
 */
public final class PassThroughMain {
    /** The start of the line printed once the topology runs: the benchmark's readiness probe. */
    public static final String RUNNING = "pass-through running: ";

    private PassThroughMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: java " + PassThroughMain.class.getName() + " IN_TOPIC OUT_TOPIC");
            System.exit(2);
        }
        PassThroughTopology.Settings settings = PassThroughTopology.Settings.from(
                required("CITYGRID_KAFKA_BOOTSTRAP"), required("CITYGRID_APPLICATION_ID"),
                Path.of(required("CITYGRID_STATE_DIR")), System::getenv);
        PassThroughTopology topology = new PassThroughTopology(settings, args[0], args[1]);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            topology.close();
            stopped.countDown();
        }, "pass-through-shutdown"));
        topology.start(Duration.ofMinutes(5));
        System.out.println(RUNNING + args[0] + " -> " + args[1] + ", " + settings.describe());
        System.out.flush();
        stopped.await();
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            System.err.println(name + " is not set");
            System.exit(2);
        }
        return value;
    }
}
