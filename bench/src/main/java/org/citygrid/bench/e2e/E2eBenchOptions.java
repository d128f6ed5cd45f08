package org.citygrid.bench.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.citygrid.demo.Arguments;
import org.citygrid.demo.DemoException;

/**
 * The end-to-end benchmark's settings, from {@code ./gridcity bench e2e [options]}.
 *
 * @param dataDir        emptied first: the matching reads every case event from the start of this run
 * @param outDir         where the HTML chart goes
 * @param rates          the ladder: alarm raises per second, all sensors together, one step each
 * @param step           how long each step offers its rate
 * @param sensors        sensors on the edge node, each with its own DTLS session
 * @param maxP99         a step whose reading -> dispatched p99 is above this breaks the ladder
 * @param minShare       a step that processes fewer than this share of its offered rate breaks the ladder
 * @param drain          after a step's load, the longest wait for its raises to come out as dispatched cases
 * @param baselineRate   messages per second of each raw baseline
 * @param baseline       how long each raw baseline runs
 */
public record E2eBenchOptions(Path root, Path dataDir, Path outDir, List<Double> rates, Duration step, int sensors,
                              Duration maxP99, double minShare, Duration drain, double baselineRate, Duration baseline,
                              Duration startTimeout) {

    public static final String USAGE = """
            usage: ./gridcity bench e2e [options]
              --data DIR            data folder, emptied first (default: bench/target/e2e-data)
              --out DIR             where e2e.html goes (default: bench/target)
              --rates R1,R2,...     the ladder, alarm raises per second (default 5,10,20,40,80)
              --step-seconds S      how long each step offers its rate (default 20)
              --sensors N           sensors on the edge node, each with its own DTLS session (default 40)
              --max-p99 S           the ladder stops after a step whose reading -> dispatched p99 is above S (default 5)
              --min-share F         ... or that processed less than F of its offered rate (default 0.8)
              --drain S             longest wait after a step for its cases to be dispatched (default 60)
              --baseline-rate R     messages per second of each raw baseline (default 50)
              --baseline-seconds S  how long each raw baseline runs (default 10)
              --start-timeout S     how long one service may take to start (default 180)
              --skip-build          (./gridcity only) use the last build
            """;

    public E2eBenchOptions {
        rates = List.copyOf(rates);
        if (rates.isEmpty()) {
            throw new DemoException("--rates needs at least one rate");
        }
    }

    public static E2eBenchOptions parse(List<String> args, Path root, Path callerDir) {
        Path data = root.resolve("bench/target/e2e-data");
        Path out = root.resolve("bench/target");
        List<Double> rates = List.of(5.0, 10.0, 20.0, 40.0, 80.0);
        int step = 20;
        int sensors = 40;
        double maxP99 = 5;
        double minShare = 0.8;
        int drain = 60;
        double baselineRate = 50;
        int baselineSeconds = 10;
        int startTimeout = 180;
        Arguments rest = new Arguments(args, USAGE);
        while (rest.hasNext()) {
            String option = rest.next();
            switch (option) {
                case "--data" -> data = callerDir.resolve(rest.value(option));
                case "--out" -> out = callerDir.resolve(rest.value(option));
                case "--rates" -> rates = rateList(rest.value(option));
                case "--step-seconds" -> step = rest.atLeast(option, 1);
                case "--sensors" -> sensors = rest.atLeast(option, 1);
                case "--max-p99" -> maxP99 = rest.aboveZero(option);
                case "--min-share" -> minShare = rest.aboveZero(option);
                case "--drain" -> drain = rest.atLeast(option, 1);
                case "--baseline-rate" -> baselineRate = rest.aboveZero(option);
                case "--baseline-seconds" -> baselineSeconds = rest.atLeast(option, 1);
                case "--start-timeout" -> startTimeout = rest.atLeast(option, 1);
                default -> throw new DemoException("unknown option '" + option + "'\n" + USAGE);
            }
        }
        return new E2eBenchOptions(root.toAbsolutePath().normalize(), data.toAbsolutePath().normalize(),
                out.toAbsolutePath().normalize(), rates, Duration.ofSeconds(step), sensors,
                Duration.ofMillis(Math.round(maxP99 * 1000)), minShare, Duration.ofSeconds(drain), baselineRate,
                Duration.ofSeconds(baselineSeconds), Duration.ofSeconds(startTimeout));
    }

    private static List<Double> rateList(String text) {
        List<Double> rates = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                double r = Double.parseDouble(part.strip());
                if (!(r > 0)) {
                    throw new DemoException("--rates: every rate must be above 0, not " + part);
                }
                rates.add(r);
            } catch (NumberFormatException e) {
                throw new DemoException("--rates wants numbers separated by commas, not '" + text + "'", e);
            }
        }
        return rates;
    }
}
