package org.citygrid.bench.casecycle;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.citygrid.demo.Arguments;
import org.citygrid.demo.DemoException;
import org.citygrid.sample.SampleCityGenerator;

/**
 * The case-cycle benchmark's settings, from {@code ./gridcity bench case-cycle [options]}.
 *
 * @param dataDir      emptied first: broker, PostGIS, the sample city and the services' logs of this run
 * @param warmup       how long each topology is loaded at {@code rate} before anything is measured
 * @param rate         reports per second of the paced phase (and of the warm-up)
 * @param paced        how long the paced phase offers {@code rate}
 * @param burst        reports of the burst phase, sent as fast as the producer takes them
 * @param repetitions  how many times the two topologies are measured, alternately
 * @param minShare     the paced phase kept up when reports settled at no less than this share of {@code rate}
 * @param drain        after a phase's last report, the longest wait for every report to settle
 * @param quiet        after a phase, how long to wait for late writes (the indicator tallies' flush) before the
 *                     broker's end offsets are read
 * @param grids        unit grids of the sample city the reports are made in: the demo's 3,000 unless told
 * @param startTimeout how long one service may take to start
 * @param notificationsV1 whether cloud-backend writes the v1 notification intents beside v2
 *                     ({@code CITYGRID_NOTIFICATIONS_V1}): off unless told, as once mobile-api reads v2 only
 */
public record CaseCycleOptions(Path root, Path dataDir, Duration warmup, double rate, Duration paced, int burst,
                               int repetitions, double minShare, Duration drain, Duration quiet, int grids,
                               Duration startTimeout, boolean notificationsV1) {

    public static final String USAGE = """
            usage: ./gridcity bench case-cycle [options]
              --warmup-seconds S    load each topology at the paced rate for S seconds before measuring (default 30)
              --rate R              reports per second of the paced phase (default 100)
              --paced-seconds S     how long the paced phase lasts (default 30)
              --burst N             reports in the burst phase, sent as fast as they go (default 3000)
              --repetitions N       pass-through and case cycle measured N times each, alternately (default 3)
              --min-share F         the paced phase kept up if reports settled at F x the rate or more (default 0.95)
              --drain S             longest wait after a phase for its reports to settle (default 120)
              --quiet-seconds S     wait after a phase for late writes before counting them (default 6)
              --grids N             unit grids of the sample city the reports are spread over (default 3000, the
                                    demo's city; 100 to 50000)
              --data DIR            data folder, emptied first (default: bench/target/case-cycle-data)
              --start-timeout S     how long one service may take to start (default 180)
              --notifications-v1 on|off
                                    cloud-backend also writes the v1 notification intents (CITYGRID_NOTIFICATIONS_V1;
                                    default off: mobile-api's readers take v2)
              --skip-build          (./gridcity only) use the last build
            """;

    public static CaseCycleOptions parse(List<String> args, Path root, Path callerDir) {
        Path data = root.resolve("bench/target/case-cycle-data");
        double warmup = 30;
        double rate = 100;
        double paced = 30;
        int burst = 3000;
        int repetitions = 3;
        double minShare = 0.95;
        int drain = 120;
        double quiet = 6;
        int grids = SampleCityGenerator.DEFAULT_GRID_COUNT;
        int startTimeout = 180;
        boolean notificationsV1 = false;
        Arguments rest = new Arguments(args, USAGE);
        while (rest.hasNext()) {
            String option = rest.next();
            switch (option) {
                case "--warmup-seconds" -> warmup = rest.zeroOrMore(option);
                case "--rate" -> rate = rest.aboveZero(option);
                case "--paced-seconds" -> paced = rest.aboveZero(option);
                case "--burst" -> burst = rest.atLeast(option, 1);
                case "--repetitions" -> repetitions = rest.atLeast(option, 1);
                case "--min-share" -> minShare = rest.aboveZero(option);
                case "--drain" -> drain = rest.atLeast(option, 1);
                case "--quiet-seconds" -> quiet = rest.zeroOrMore(option);
                case "--grids" -> grids = rest.atLeast(option, SampleCityGenerator.MIN_GRID_COUNT);
                case "--data" -> data = callerDir.resolve(rest.value(option));
                case "--start-timeout" -> startTimeout = rest.atLeast(option, 1);
                case "--notifications-v1" -> notificationsV1 = onOff(option, rest.value(option));
                default -> throw new DemoException("unknown option '" + option + "'\n" + USAGE);
            }
        }
        if (grids > SampleCityGenerator.MAX_GRID_COUNT) {
            throw new DemoException("--grids must be at most " + SampleCityGenerator.MAX_GRID_COUNT + ", not " + grids);
        }
        if (Math.round(rate * paced) < 2) {
            throw new DemoException("--rate x --paced-seconds must give at least 2 reports, not "
                    + Math.round(rate * paced));
        }
        return new CaseCycleOptions(root.toAbsolutePath().normalize(), data.toAbsolutePath().normalize(),
                seconds(warmup), rate, seconds(paced), burst, repetitions, minShare, Duration.ofSeconds(drain),
                seconds(quiet), grids, Duration.ofSeconds(startTimeout), notificationsV1);
    }

    private static boolean onOff(String option, String value) {
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new DemoException(option + " is on or off, not '" + value + "'\n" + USAGE);
        };
    }

    /** Reports in the paced phase. */
    public int pacedReports() {
        return (int) Math.round(rate * paced.toNanos() / 1e9);
    }

    /** Reports in the warm-up. */
    public int warmupReports() {
        return (int) Math.round(rate * warmup.toNanos() / 1e9);
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
