package org.citygrid.demo.drills;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.citygrid.demo.Arguments;
import org.citygrid.demo.DemoException;

/**
 * A fault drill's settings, from {@code ./gridcity drill <name> [options]}; the same options for every drill.
 *
 * @param fault       what the drill breaks
 * @param dataDir     emptied first: the count needs topics and a read model that hold only this run
 * @param sensors     sensors registered with the edge node, all of them posting
 * @param rate        readings per second, all sensors together
 * @param load        how long the sensors post
 * @param faultAt     when, from the start of the load, the fault strikes
 * @param down        how long the broken piece stays down before it is started again
 * @param alarmChance chance that a normal reading starts an episode
 * @param hold        how long an episode stays raised before it clears
 * @param drain       how long to wait, after the load, for every acknowledged edge to reach the read model
 */
public record DrillOptions(Fault fault, Path root, Path dataDir, int sensors, double rate, Duration load,
                           Duration faultAt, Duration down, double alarmChance, Duration hold, Duration drain,
                           Duration startTimeout) {

    public DrillOptions {
        if (!faultAt.isPositive() || faultAt.compareTo(load) >= 0) {
            throw new DemoException("--fault-at must be inside the load (0 < fault-at < " + load.toSeconds() + " s)");
        }
    }

    /**
     * A drill whose fault leaves every process running (edge-cutoff) loads through the whole time it is down: by
     * default the fault strikes after this, and the load goes on this long after it is over.
     */
    static final int LOAD_AROUND_DOWN_SECONDS = 30;

    public static String usage(Fault fault) {
        String seconds = fault.cutsEdgeUplink() ? LOAD_AROUND_DOWN_SECONDS + " + down + " + LOAD_AROUND_DOWN_SECONDS : "60";
        String faultAt = fault.cutsEdgeUplink() ? Integer.toString(LOAD_AROUND_DOWN_SECONDS) : "half way";
        return """
                usage: ./gridcity drill %1$s [options]
                  --data DIR            data folder, emptied first (default: demo/target/drills/%1$s)
                  --sensors N           sensors on the edge node, each with its own DTLS session (default 24)
                  --rate R              readings per second, all sensors together (default 24)
                  --seconds S           how long the load runs (default %5$s)
                  --fault-at S          %2$s %3$s S seconds into the load (default: %6$s; also --kill-at)
                  --down S              how long it stays down before it is started again (default %4$d)
                  --alarm-chance P      chance that a normal reading starts an alarm episode (default 0.05)
                  --hold S              seconds an alarm stays raised before it clears (default 3)
                  --drain S             longest wait for the pipeline to drain after the load (default 120)
                  --start-timeout S     how long one service may take to start (default 180)
                """.formatted(fault.drillName(), fault.how(), fault.what(), fault.defaultDown().toSeconds(), seconds,
                faultAt);
    }

    public static DrillOptions parse(Fault fault, List<String> args, Path root, Path callerDir) {
        Path data = root.resolve("demo/target/drills/" + fault.drillName());
        int sensors = 24;
        double rate = 24;
        Integer seconds = null;
        Integer faultAt = null;
        double down = fault.defaultDown().toSeconds();
        double chance = 0.05;
        int hold = 3;
        int drain = 120;
        int startTimeout = 180;
        Arguments rest = new Arguments(args, "");
        while (rest.hasNext()) {
            String option = rest.next();
            switch (option) {
                case "--data" -> data = callerDir.resolve(rest.value(option));
                case "--sensors" -> sensors = rest.atLeast(option, 1);
                case "--rate" -> rate = rest.aboveZero(option);
                case "--seconds" -> seconds = rest.atLeast(option, 1);
                case "--fault-at", "--kill-at" -> faultAt = rest.atLeast(option, 1);
                case "--down" -> down = rest.zeroOrMore(option);
                case "--alarm-chance" -> chance = rest.aboveZero(option);
                case "--hold" -> hold = rest.atLeast(option, 1);
                case "--drain" -> drain = rest.atLeast(option, 1);
                case "--start-timeout" -> startTimeout = rest.atLeast(option, 1);
                default -> throw new DemoException("unknown option '" + option + "'");
            }
        }
        if (seconds == null) {
            // edge-cutoff: the sensors must keep posting through the whole cut, and for a while after it
            seconds = fault.cutsEdgeUplink() ? 2 * LOAD_AROUND_DOWN_SECONDS + (int) Math.ceil(down) : 60;
        }
        if (faultAt == null) {
            faultAt = fault.cutsEdgeUplink() ? Math.min(LOAD_AROUND_DOWN_SECONDS, seconds / 2) : seconds / 2;
        }
        if (chance > 1) {
            throw new DemoException("--alarm-chance is a probability, at most 1, not " + chance);
        }
        return new DrillOptions(fault, root.toAbsolutePath().normalize(), data.toAbsolutePath().normalize(), sensors,
                rate, Duration.ofSeconds(seconds), Duration.ofSeconds(faultAt),
                Duration.ofMillis((long) (down * 1000)), chance, Duration.ofSeconds(hold), Duration.ofSeconds(drain),
                Duration.ofSeconds(startTimeout));
    }
}
