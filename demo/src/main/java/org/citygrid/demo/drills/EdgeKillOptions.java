package org.citygrid.demo.drills;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.citygrid.demo.DemoException;

/**
 * The edge-kill drill's settings, from {@code ./gridcity drill edge-kill [options]}.
 *
 * @param dataDir     emptied first: the count needs topics and a read model that hold only this run
 * @param sensors     sensors registered with the edge node, all of them posting
 * @param rate        readings per second, all sensors together
 * @param load        how long the sensors post
 * @param killAfter   when, from the start of the load, the edge node gets SIGKILL
 * @param alarmChance chance that a normal reading starts an episode
 * @param hold        how long an episode stays raised before it clears
 * @param drain       how long to wait, after the load, for every acknowledged edge to reach the read model
 */
public record EdgeKillOptions(Path root, Path dataDir, int sensors, double rate, Duration load, Duration killAfter,
                              double alarmChance, Duration hold, Duration drain, Duration startTimeout) {

    public static final String USAGE = """
            usage: ./gridcity drill edge-kill [options]
              --data DIR            data folder, emptied first (default: demo/target/drills/edge-kill)
              --sensors N           sensors on the edge node, each with its own DTLS session (default 24)
              --rate R              readings per second, all sensors together (default 24)
              --seconds S           how long the load runs (default 60)
              --kill-at S           SIGKILL the edge node S seconds into the load (default: half way)
              --alarm-chance P      chance that a normal reading starts an alarm episode (default 0.05)
              --hold S              seconds an alarm stays raised before it clears (default 3)
              --drain S             longest wait for the pipeline to drain after the load (default 120)
              --start-timeout S     how long one service may take to start (default 180)
            """;

    public EdgeKillOptions {
        if (!killAfter.isPositive() || killAfter.compareTo(load) >= 0) {
            throw new DemoException("--kill-at must be inside the load (0 < kill-at < " + load.toSeconds() + " s)");
        }
    }

    public static EdgeKillOptions parse(List<String> args, Path root, Path callerDir) {
        Path data = root.resolve("demo/target/drills/edge-kill");
        int sensors = 24;
        double rate = 24;
        int seconds = 60;
        Integer killAt = null;
        double chance = 0.05;
        int hold = 3;
        int drain = 120;
        int startTimeout = 180;
        Deque<String> rest = new ArrayDeque<>(args);
        while (!rest.isEmpty()) {
            String option = rest.removeFirst();
            switch (option) {
                case "--data" -> data = callerDir.resolve(value(option, rest));
                case "--sensors" -> sensors = (int) number(option, rest);
                case "--rate" -> rate = number(option, rest);
                case "--seconds" -> seconds = (int) number(option, rest);
                case "--kill-at" -> killAt = (int) number(option, rest);
                case "--alarm-chance" -> chance = number(option, rest);
                case "--hold" -> hold = (int) number(option, rest);
                case "--drain" -> drain = (int) number(option, rest);
                case "--start-timeout" -> startTimeout = (int) number(option, rest);
                default -> throw new DemoException("unknown option '" + option + "'\n" + USAGE);
            }
        }
        if (chance > 1) {
            throw new DemoException("--alarm-chance is a probability, at most 1, not " + chance);
        }
        return new EdgeKillOptions(root.toAbsolutePath().normalize(), data.toAbsolutePath().normalize(), sensors, rate,
                Duration.ofSeconds(seconds), Duration.ofSeconds(killAt != null ? killAt : seconds / 2), chance,
                Duration.ofSeconds(hold), Duration.ofSeconds(drain), Duration.ofSeconds(startTimeout));
    }

    private static String value(String option, Deque<String> rest) {
        if (rest.isEmpty() || rest.peekFirst().startsWith("--")) {
            throw new DemoException(option + " needs a value\n" + USAGE);
        }
        return rest.removeFirst();
    }

    private static double number(String option, Deque<String> rest) {
        String text = value(option, rest);
        try {
            double n = Double.parseDouble(text);
            if (!(n > 0)) {
                throw new DemoException(option + " must be above 0, not " + text);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new DemoException(option + " wants a number, not '" + text + "'", e);
        }
    }
}
