package org.citygrid.bench.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.citygrid.demo.Arguments;
import org.citygrid.demo.DemoException;
import org.citygrid.sample.SampleCityGenerator;

/**
 * The scaling part's settings, from {@code ./gridcity bench e2e --scale [options]}. The first value of each size
 * list is the base point: a dimension varies its own list while the other two stay at their first value.
 *
 * @param rate       alarm raises per second of every row, held fixed
 * @param openCases  cases already open in the case cycle before the row's step
 * @param devices    sensors on the edge node, each its own DTLS session
 * @param grids      unit grids of the sample city the cloud geocodes against
 * @param dimensions which of the three to vary, in this order
 * @param warmUp     an unreported step at the same rate after each start, so that no row pays for cold JVMs
 * @param seedDrain  the longest wait for seeded cases to come out of the case cycle
 */
public record ScaleOptions(double rate, List<Integer> openCases, List<Integer> devices, List<Integer> grids,
                           List<Dimension> dimensions, Duration warmUp, Duration seedDrain) {

    /** What one table varies. */
    public enum Dimension {
        OPEN_CASES("open-cases", "open cases"),
        DEVICES("devices", "sensors"),
        GRIDS("grids", "unit grids");

        private final String option;
        private final String label;

        Dimension(String option, String label) {
            this.option = option;
            this.label = label;
        }

        public String option() {
            return option;
        }

        public String label() {
            return label;
        }

        static Dimension of(String text) {
            for (Dimension d : values()) {
                if (d.option.equals(text.strip())) {
                    return d;
                }
            }
            throw new DemoException("--dimensions takes open-cases, devices and grids, not '" + text + "'");
        }
    }

    public static final String USAGE = """
            scaling part: ./gridcity bench e2e --scale [options above] [scale options]
              --scale               vary open cases, sensors and grids one at a time at a fixed rate, instead of the ladder
              --scale-rate R        alarm raises per second of every row (default 20)
              --open-cases N1,N2,.. cases open in the case cycle before the row (default 0,10000,30000)
              --devices N1,N2,..    sensors on the edge node, each with its own DTLS session (default 40,400,2000)
              --grids N1,N2,..      unit grids of the sample city, %d..%d (default 3000,15000,50000)
              --dimensions D,..     which to vary, of open-cases,devices,grids (default all three)
              --warmup-seconds S    unreported step after each start (default 30)
              --seed-drain S        longest wait for seeded cases to settle (default 900)
            """.formatted(SampleCityGenerator.MIN_GRID_COUNT, SampleCityGenerator.MAX_GRID_COUNT);

    public ScaleOptions {
        openCases = List.copyOf(openCases);
        devices = List.copyOf(devices);
        grids = List.copyOf(grids);
        dimensions = List.copyOf(dimensions);
        if (openCases.isEmpty() || devices.isEmpty() || grids.isEmpty() || dimensions.isEmpty()) {
            throw new DemoException("every size list and --dimensions need at least one value");
        }
        for (int g : grids) {
            if (g < SampleCityGenerator.MIN_GRID_COUNT || g > SampleCityGenerator.MAX_GRID_COUNT) {
                throw new DemoException("--grids: the sample city generator makes " + SampleCityGenerator.MIN_GRID_COUNT
                        + " to " + SampleCityGenerator.MAX_GRID_COUNT + " grids, not " + g);
            }
        }
        if (devices.stream().anyMatch(d -> d < 1)) {
            throw new DemoException("--devices: every size must be at least 1");
        }
        if (!(rate > 0)) {
            throw new DemoException("--scale-rate must be above 0");
        }
    }

    public int baseOpenCases() {
        return openCases.getFirst();
    }

    public int baseDevices() {
        return devices.getFirst();
    }

    public int baseGrids() {
        return grids.getFirst();
    }

    public List<Integer> sizes(Dimension dimension) {
        return switch (dimension) {
            case OPEN_CASES -> openCases;
            case DEVICES -> devices;
            case GRIDS -> grids;
        };
    }

    /**
     * Takes the scaling options out of {@code args} and returns them with the arguments left for
     * {@link E2eBenchOptions#parse}; null when {@code --scale} is not among them.
     */
    public static Parsed parse(List<String> args) {
        if (!args.contains("--scale")) {
            return null;
        }
        double rate = 20;
        List<Integer> openCases = List.of(0, 10_000, 30_000);
        List<Integer> devices = List.of(40, 400, 2_000);
        List<Integer> grids = List.of(3_000, 15_000, 50_000);
        List<Dimension> dimensions = List.of(Dimension.values());
        int warmUp = 30;
        int seedDrain = 900;
        List<String> rest = new ArrayList<>();
        Arguments left = new Arguments(args, USAGE);
        while (left.hasNext()) {
            String option = left.next();
            switch (option) {
                case "--scale" -> { }
                case "--scale-rate" -> rate = left.aboveZero(option);
                case "--open-cases" -> openCases = sizes(option, left, 0);
                case "--devices" -> devices = sizes(option, left, 1);
                case "--grids" -> grids = sizes(option, left, 1);
                case "--dimensions" -> dimensions = Arrays.stream(left.value(option).split(",")).map(Dimension::of)
                        .distinct().toList();
                case "--warmup-seconds" -> warmUp = (int) left.zeroOrMore(option);
                case "--seed-drain" -> seedDrain = left.atLeast(option, 1);
                default -> rest.add(option);
            }
        }
        return new Parsed(new ScaleOptions(rate, openCases, devices, grids, dimensions, Duration.ofSeconds(warmUp),
                Duration.ofSeconds(seedDrain)), rest);
    }

    /** The scaling options, and the arguments for {@link E2eBenchOptions#parse}. */
    public record Parsed(ScaleOptions scale, List<String> rest) {
    }

    private static List<Integer> sizes(String option, Arguments left, int min) {
        String text = left.value(option);
        List<Integer> sizes = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                int n = Integer.parseInt(part.strip().replace("_", ""));
                if (n < min) {
                    throw new DemoException(option + ": every size must be at least " + min + ", not " + n);
                }
                sizes.add(n);
            } catch (NumberFormatException e) {
                throw new DemoException(option + " wants whole numbers separated by commas, not '" + text + "'", e);
            }
        }
        return sizes;
    }
}
