package org.citygrid.demo;

import java.nio.file.Path;
import java.util.List;

import org.citygrid.demo.services.ServiceWatch;

/**
 * {@code ./gridcity demo}: starts the whole system and keeps it running until Ctrl-C (SIGINT) or SIGTERM, when
 * devstack's exit hook stops everything in order. Run it with {@code --help} for the options. While it runs, it
 * watches every service ({@link ServiceWatch}).
 *
 * <p>Exit codes: 130 or 143 after a stop by SIGINT or SIGTERM (the JVM's own), 0 for --help, 1 when the demo
 * could not start (the message says why), 2 for a wrong command line, 3 ({@link ServiceWatch#EXIT_CODE}) when a
 * service it cannot go on without ended by itself.
 */
public final class DemoMain {
    private DemoMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // devstack's Kafka admin client logs its whole configuration at INFO: the console is for progress lines
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(DemoOptions.USAGE);
            return;
        }
        Console console = Console.system();
        DemoOptions options;
        try {
            Path callerDir = Path.of(System.getenv().getOrDefault("GRIDCITY_CALLER_DIR", "")).toAbsolutePath();
            Path root = Path.of(System.getenv().getOrDefault("GRIDCITY_ROOT", "")).toAbsolutePath();
            options = DemoOptions.parse(List.of(args), root, callerDir);
        } catch (DemoException e) {
            System.err.println("[demo] " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            new DemoRun(options, console).start().watch(console, System::exit);
        } catch (RuntimeException e) {
            // a DemoException or DevstackException says what to do; anything else is a bug worth its trace
            System.err.println("[demo] error: " + e.getMessage());
            if (!(e instanceof DemoException) && !(e instanceof org.citygrid.devstack.DevstackException)) {
                e.printStackTrace();
            }
            System.exit(1); // the exit hook stops whatever had started, saying so line by line
        }
        // Everything runs in child processes; this JVM only waits for the signal that runs the exit hook.
        Thread.currentThread().join();
    }
}
