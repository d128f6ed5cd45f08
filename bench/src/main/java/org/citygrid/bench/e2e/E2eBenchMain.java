package org.citygrid.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.citygrid.demo.Console;
import org.citygrid.demo.DemoException;

/**
 * {@code ./gridcity bench e2e [options]}: runs the end-to-end benchmark, prints its table and writes
 * {@code e2e.html} (the chart and the table); exits 0 when it ran, 1 when it could not, 2 for a wrong command line.
 * A step that breaks the ladder is a result, not a failure.
 */
public final class E2eBenchMain {
    private E2eBenchMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        List<String> all = List.of(args);
        if (all.contains("--help") || all.contains("-h")) {
            System.out.print(E2eBenchOptions.USAGE + ScaleOptions.USAGE);
            return;
        }
        E2eBenchOptions options;
        ScaleOptions.Parsed scale;
        try {
            Path callerDir = Path.of(System.getenv().getOrDefault("GRIDCITY_CALLER_DIR", "")).toAbsolutePath();
            Path root = Path.of(System.getenv().getOrDefault("GRIDCITY_ROOT", "")).toAbsolutePath();
            scale = ScaleOptions.parse(all);
            options = E2eBenchOptions.parse(scale == null ? all : scale.rest(), root, callerDir);
        } catch (DemoException e) {
            System.err.println("[bench] " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Console console = Console.system();
            if (scale != null) {
                ScaleReport report = new ScaleBench(options, scale.scale(), console).run();
                Path html = write(report, options.outDir());
                console.block("\n" + report.table() + "\ncharts and tables: " + html);
                System.exit(0);
            }
            E2eReport report = new E2eBench(options, console).run();
            Path html = write(report, options.outDir());
            console.block("\n" + report.table() + "\nchart and table: " + html);
            System.exit(0);
        } catch (RuntimeException e) {
            System.err.println("[bench] error: " + e.getMessage());
            if (!(e instanceof DemoException) && !(e instanceof org.citygrid.devstack.DevstackException)) {
                e.printStackTrace();
            }
            System.exit(1);
        }
    }

    /** Writes {@code e2e.html} into {@code outDir} and returns its path. */
    public static Path write(E2eReport report, Path outDir) {
        return write(outDir.resolve("e2e.html"), E2eChart.html(report));
    }

    /** Writes the scaling part's {@code scale.html} into {@code outDir} and returns its path. */
    public static Path write(ScaleReport report, Path outDir) {
        return write(outDir.resolve("scale.html"), ScaleChart.html(report));
    }

    private static Path write(Path html, String page) {
        try {
            Files.createDirectories(html.getParent());
            Files.writeString(html, page);
            return html;
        } catch (IOException e) {
            throw new DemoException("cannot write the benchmark's chart into " + html.getParent() + ": "
                    + e.getMessage(), e);
        }
    }
}
