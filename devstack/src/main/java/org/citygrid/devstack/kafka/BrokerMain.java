package org.citygrid.devstack.kafka;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the broker's child JVM: runs {@code kafka.Kafka} and exits when the parent JVM goes
 * away. The parent holds the child's stdin open and never writes to it, so end-of-file on stdin means
 * the parent died (even by SIGKILL, when no shutdown hook ran): the broker then shuts down instead of
 * lingering as an orphan that holds its ports and data directory.
 *
 * <p>Loaded by name in the child only; it must not touch Kafka classes at link time, since devstack is
 * compiled without the broker on its class path being guaranteed to callers.
 */
public final class BrokerMain {
    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(BrokerMain::exitWhenParentGone, "devstack-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) args);
    }

    private static void exitWhenParentGone() {
        InputStream in = System.in;
        try {
            while (in.read() >= 0) {
                // the parent never writes; anything read is ignored
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as end-of-file
        }
        // Process.destroy() closes the pipe too, so a stop by the parent also ends up here; both mean "exit".
        System.err.println("[devstack] stdin closed (the parent stopped the broker or is gone): shutting down");
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException ignored) {
                return;
            }
            Runtime.getRuntime().halt(1); // a graceful shutdown that hangs must not leave an orphan
        }, "devstack-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(0);
    }
}
