package org.citygrid.demo.simulator;

import java.time.Clock;
import java.util.List;

import org.citygrid.demo.DemoException;
import org.citygrid.demo.api.ApiClient;
import org.citygrid.demo.api.DemoAccounts;
import org.citygrid.sample.SampleCity;
import org.citygrid.sample.SampleCityFiles;
import org.citygrid.sample.SampleCityGenerator;

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
        SensorFleet fleet = null;
        People people = null;
        try {
            options = SimulatorOptions.parse(List.of(args));
            if (!options.edges().isEmpty()) {
                fleet = new SensorFleet(options, System.out, Clock.systemUTC()).connect();
            }
            if (options.api() != null) {
                people = new People(new ApiClient(options.api()), DemoAccounts.read(options.accountsFile()),
                        city(options).grids(), options.actionsPerMinute(), options.shares(), System.out);
            }
        } catch (SimulatorException | DemoException e) {
            System.err.println("simulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        SensorFleet sensors = fleet;
        People city = people;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (sensors != null) {
                System.out.println("simulator stopping: " + sensors.counters());
                sensors.close();
            }
            if (city != null) {
                System.out.println("simulator stopping: " + city.counters());
                city.close();
            }
        }, "simulator-stop"));
        if (sensors != null) {
            sensors.start();
        }
        if (city != null) {
            city.start();
        }
        System.out.println("simulator running: " + (sensors == null ? 0 : sensors.size()) + " sensors on "
                + options.edges().size() + " edge nodes, " + options.readingsPerSecond() + " readings/s; "
                + (city == null ? "no people (no --api)" : "people at " + options.actionsPerMinute() + " steps/min via "
                + options.api()));
        System.out.flush();
        if (options.duration() != null) {
            Thread.sleep(options.duration());
            System.exit(0);
        }
        Thread.currentThread().join();
    }

    private static SampleCity city(SimulatorOptions options) {
        return options.cityDir() != null ? new SampleCityFiles().read(options.cityDir())
                : new SampleCityGenerator(1, options.cityGrids()).generate();
    }
}
