package org.citygrid.bench.gridlookup;

import org.citygrid.model.grid.GridIndex;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link GridLookupBenchmark} and prints its lookups per second as a table, each next to the
 * linear-scan baseline measured in the same run, as a ratio.
 *
 * <p>JMH runs all forks of one benchmark before the next, so on a machine whose load drifts (a
 * shared CI runner, a laptop) the baseline and the index would be measured under different loads.
 * Here each fork is a round: every benchmark runs one fork in turn, the ratio is taken within the
 * round, and the table gives the median over rounds with the smallest and largest round. Absolute
 * figures depend on the machine; the ratios are what can be compared between runs.
 *
 * <p>Arguments are JMH's own and override the benchmark's annotated settings, e.g.
 * {@code -f 5} for five rounds or {@code -wi 5 -i 10}; {@code -h} lists them. Run with the test
 * class path on the JVM's command line, as {@code ./gridcity bench grid-lookup} does: JMH starts
 * its forks with the class path it was started with.
 */
public final class GridLookupBench {

    private static final String BASELINE = "linearScan";
    private static final String IN_BOUNDING_BOX = "gridIndexInBoundingBox";
    /** The rounds when neither the command line nor the annotation says. */
    private static final int DEFAULT_ROUNDS = 3;

    /** Benchmark method, then what its row measures; the table follows this order. */
    private static final Map<String, String> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("gridIndex", "GridIndex.locate (STRtree + tolerance)");
        ROWS.put("strTreeOnly", "bare STRtree, same point-in-polygon test");
        ROWS.put(BASELINE, "linear scan of all grids (baseline)");
        ROWS.put("linearScanPrepared", "linear scan, PreparedGeometry.covers");
    }

    public static void main(String... args) throws RunnerException {
        CommandLineOptions commandLine;
        try {
            commandLine = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("bad JMH option: " + e.getMessage());
            System.exit(2);
            return;
        }
        Fork fork = GridLookupBenchmark.class.getAnnotation(Fork.class);
        int forks = commandLine.getForkCount().orElse(fork == null ? DEFAULT_ROUNDS : fork.value());
        // -f 0 runs in this JVM (for debugging only, JMH warns): one round without a fork
        int rounds = Math.max(1, forks);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        List<Map<String, Double>> scores = new ArrayList<>();
        BenchmarkParams params = null;
        for (int round = 1; round <= rounds; round++) {
            System.out.printf(Locale.ROOT, "%n# GridLookupBench round %d of %d%n", round, rounds);
            Options options = new OptionsBuilder()
                    .parent(commandLine)
                    .include(GridLookupBenchmark.class.getName() + "\\.")
                    .forks(forks == 0 ? 0 : 1)
                    .build();
            Collection<RunResult> results = new Runner(options).run();
            Map<String, Double> byMethod = new LinkedHashMap<>();
            for (RunResult run : results) {
                params = run.getParams();
                String benchmark = params.getBenchmark();
                byMethod.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), run.getPrimaryResult().getScore());
            }
            scores.add(byMethod);
        }
        if (params == null) {
            System.out.println("no benchmark ran");
            return;
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double shareOutside = GridLookupBenchmark.boundingBoxShareOutside(Integer.parseInt(params.getParam("grids")));
        print(params, rounds, scores, loadBefore, loadAfter, shareOutside);
    }

    private static void print(BenchmarkParams params, int rounds, List<Map<String, Double>> scores,
                              double loadBefore, double loadAfter, double shareOutside) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Point -> unit grid lookups, sample city of %s grids (seed 1), %d thread%n",
                params.getParam("grids"), params.getThreads());
        System.out.printf(Locale.ROOT, "JMH %s, %s %s; %d round(s) of 1 fork per benchmark, warmup %d x %s, "
                        + "measurement %d x %s%n",
                params.getJmhVersion(), params.getVmName(), params.getJdkVersion(), rounds,
                params.getWarmup().getCount(), params.getWarmup().getTime(),
                params.getMeasurement().getCount(), params.getMeasurement().getTime());
        System.out.printf(Locale.ROOT, "machine: %d CPU cores, load average %.1f before and %.1f after%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        System.out.println();
        System.out.println("Random points inside the district. Median over rounds [smallest .. largest round];");
        System.out.println("ratio = lookups/s over the baseline's in the same round.");
        row("lookup", "lookups/s", " [rounds' range]", "ratio", "[rounds' range]");
        ROWS.forEach((method, label) -> {
            List<Double> score = series(scores, method);
            if (score.isEmpty()) {
                return;
            }
            List<Double> ratio = new ArrayList<>();
            for (Map<String, Double> round : scores) {
                if (round.containsKey(method) && round.containsKey(BASELINE)) {
                    ratio.add(round.get(method) / round.get(BASELINE));
                }
            }
            row(label, count(median(score)),
                    "[" + count(min(score)) + " .. " + count(max(score)) + "]",
                    ratio.isEmpty() ? "-" : times(median(ratio)),
                    ratio.isEmpty() ? "" : "[" + times(min(ratio)) + " .. " + times(max(ratio)) + "]");
        });
        List<Double> box = series(scores, IN_BOUNDING_BOX);
        if (!box.isEmpty()) {
            System.out.println();
            System.out.printf(Locale.ROOT, "Random points of the district's bounding box, %.0f %% of them in no grid"
                    + " (near/outside path;%na scan has no answer there, so no ratio):%n", 100 * shareOutside);
            row(ROWS.get("gridIndex"), count(median(box)), "[" + count(min(box)) + " .. " + count(max(box)) + "]", "", "");
        }
    }

    private static void row(String lookup, String perSecond, String range, String ratio, String ratioRange) {
        System.out.println(String.format(Locale.ROOT, "%-42s %11s %-24s %6s %s", lookup, perSecond, range, ratio, ratioRange)
                .stripTrailing());
    }

    private static List<Double> series(List<Map<String, Double>> scores, String method) {
        return scores.stream().filter(s -> s.containsKey(method)).map(s -> s.get(method)).sorted().toList();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    private static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String times(double value) {
        return String.format(Locale.ROOT, "%.1fx", value);
    }

    private GridLookupBench() {}
}
