package org.citygrid.demo.drills;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.citygrid.demo.Arguments;
import org.citygrid.demo.DemoException;

/**
 * The poison drill's settings, from {@code ./gridcity drill poison [options]}.
 *
 * @param dataDir        emptied first: the count needs topics and a read model that hold only this run
 * @param sensors        sensors of the normal load, each over its own DTLS session
 * @param rate           readings per second of the normal load, all sensors together
 * @param settle         load before the first hostile input
 * @param reportWait     how soon the normal report sent after a hostile input must be in the read model
 * @param deadLetterWait longest wait, after the last record produced, for their dead letters
 * @param drain          longest wait, after the load, for every acknowledged edge to reach the read model
 */
public record PoisonOptions(Path root, Path dataDir, int sensors, double rate, Duration settle, Duration reportWait,
                            Duration deadLetterWait, Duration drain, Duration startTimeout) {

    public static final String NAME = "poison";

    public static String usage() {
        return """
                usage: ./gridcity drill poison [options]
                  --data DIR            data folder, emptied first (default: demo/target/drills/poison)
                  --sensors N           sensors of the normal load, each over DTLS (default 24)
                  --rate R              readings per second of the normal load (default 24)
                  --settle S            seconds of normal load before the first hostile input (default 10)
                  --report-wait S       a normal report sent after each hostile input must reach the read
                                        model within this (default 10)
                  --dead-letter-wait S  longest wait for the produced records' dead letters (default 60)
                  --drain S             longest wait for the pipeline to drain after the load (default 120)
                  --start-timeout S     how long one service may take to start (default 180)
                """;
    }

    public static PoisonOptions parse(List<String> args, Path root, Path callerDir) {
        Path data = root.resolve("demo/target/drills/" + NAME);
        int sensors = 24;
        double rate = 24;
        int settle = 10;
        int reportWait = 10;
        int deadLetterWait = 60;
        int drain = 120;
        int startTimeout = 180;
        Arguments rest = new Arguments(args, "");
        while (rest.hasNext()) {
            String option = rest.next();
            switch (option) {
                case "--data" -> data = callerDir.resolve(rest.value(option));
                case "--sensors" -> sensors = rest.atLeast(option, 1);
                case "--rate" -> rate = rest.aboveZero(option);
                case "--settle" -> settle = rest.atLeast(option, 0);
                case "--report-wait" -> reportWait = rest.atLeast(option, 1);
                case "--dead-letter-wait" -> deadLetterWait = rest.atLeast(option, 1);
                case "--drain" -> drain = rest.atLeast(option, 1);
                case "--start-timeout" -> startTimeout = rest.atLeast(option, 1);
                default -> throw new DemoException("unknown option '" + option + "'");
            }
        }
        return new PoisonOptions(root.toAbsolutePath().normalize(), data.toAbsolutePath().normalize(), sensors, rate,
                Duration.ofSeconds(settle), Duration.ofSeconds(reportWait), Duration.ofSeconds(deadLetterWait),
                Duration.ofSeconds(drain), Duration.ofSeconds(startTimeout));
    }
}
