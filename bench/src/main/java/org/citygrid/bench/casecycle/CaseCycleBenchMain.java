package org.citygrid.bench.casecycle;

import java.nio.file.Path;
import java.util.List;

import org.citygrid.demo.Console;
import org.citygrid.demo.DemoException;
import org.citygrid.devstack.DevstackException;

/**
 * {@code ./gridcity bench case-cycle [options]}: runs the case-cycle benchmark and prints its tables, the last line
 * machine-readable ({@link CaseCycleReport#summaryLine()}); exits 0 when it ran (a phase that did not keep up is a
 * result), 1 when it could not, 2 for a wrong command line.
 */
public final class CaseCycleBenchMain {
    private CaseCycleBenchMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        List<String> all = List.of(args);
        if (all.contains("--help") || all.contains("-h")) {
            System.out.print(CaseCycleOptions.USAGE);
            return;
        }
        CaseCycleOptions options;
        try {
            Path callerDir = Path.of(System.getenv().getOrDefault("GRIDCITY_CALLER_DIR", "")).toAbsolutePath();
            Path root = Path.of(System.getenv().getOrDefault("GRIDCITY_ROOT", "")).toAbsolutePath();
            options = CaseCycleOptions.parse(all, root, callerDir);
        } catch (DemoException e) {
            System.err.println("[bench] " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Console console = Console.system();
            CaseCycleReport report = new CaseCycleBench(options, console).run();
            console.block("\n" + report.table());
            System.exit(0);
        } catch (RuntimeException e) {
            System.err.println("[bench] error: " + e.getMessage());
            if (!(e instanceof DemoException) && !(e instanceof DevstackException)) {
                e.printStackTrace();
            }
            System.exit(1);
        }
    }
}
