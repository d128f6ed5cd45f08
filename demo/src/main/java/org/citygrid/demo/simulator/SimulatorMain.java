package org.citygrid.demo.simulator;

import java.time.Clock;
import java.util.List;

/**
 * The city simulator on its own, against any deployment: {@code SimulatorMain --edge coaps://host:5684=devices.json
 * --rate 4}. Prints {@code simulator running: ...} once every sensor is connected, counters every ten seconds,
 * and stops at the end of {@code --duration} or on SIGTERM/SIGINT.
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Californium logs every DTLS session at INFO; the simulator's own counters are what the log is for
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        if (List.of(args).contains("--help")) {
            System.out.print(SimulatorOptions.USAGE);
            return;
        }
        SimulatorOptions options;
        SensorFleet fleet;
        try {
            options = SimulatorOptions.parse(List.of(args));
            fleet = new SensorFleet(options, System.out, Clock.systemUTC()).connect();
        } catch (SimulatorException e) {
            System.err.println("simulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("simulator stopping: " + fleet.counters());
            fleet.close();
        }, "simulator-stop"));
        fleet.start();
        System.out.println("simulator running: " + fleet.size() + " sensors on " + options.edges().size()
                + " edge nodes, " + options.readingsPerSecond() + " readings/s");
        System.out.flush();
        if (options.duration() != null) {
            Thread.sleep(options.duration());
            System.exit(0);
        }
        Thread.currentThread().join();
    }
}
