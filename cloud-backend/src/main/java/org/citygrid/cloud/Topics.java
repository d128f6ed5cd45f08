package org.citygrid.cloud;

import java.util.List;
import java.util.Map;

/**
 * The topics the case cycle reads and writes, with the partition counts and configs it creates
 * them with (docs/cloud-backend.md lists the same). Names are the documented ones; the counts
 * scale from one setting so that a test broker can use fewer partitions than production.
 */
public final class Topics {

    public static final String INTAKE = "grid.intake";
    public static final String COMMANDS = "grid.commands";
    public static final String CASE_EVENTS = "grid.case-events";
    public static final String CASES = "grid.cases";
    public static final String NOTIFICATIONS = "grid.notifications";
    public static final String COMMAND_REJECTIONS = "grid.command-rejections";
    public static final String INTAKE_REJECTIONS = "grid.intake-rejections";
    public static final String RESPONSIBILITY = "grid.responsibility";
    public static final String INDICATORS = "grid.indicators";

    private static final long DAY_MS = 24L * 3600 * 1000;

    /** One topic to create: name, partitions, configs. */
    public record Spec(String name, int partitions, Map<String, String> configs) {
    }

    private Topics() {
    }

    public static List<Spec> all(int partitions) {
        int small = Math.max(1, partitions / 2);
        return List.of(
                new Spec(INTAKE, partitions, Map.of("retention.ms", String.valueOf(7 * DAY_MS))),
                new Spec(COMMANDS, partitions, Map.of("retention.ms", String.valueOf(7 * DAY_MS))),
                // the audit log: kept for good
                new Spec(CASE_EVENTS, partitions, Map.of("retention.ms", "-1")),
                new Spec(CASES, partitions, Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000")),
                new Spec(NOTIFICATIONS, small, Map.of("retention.ms", String.valueOf(3 * DAY_MS))),
                new Spec(COMMAND_REJECTIONS, small, Map.of("retention.ms", String.valueOf(7 * DAY_MS))),
                new Spec(INTAKE_REJECTIONS, small, Map.of("retention.ms", String.valueOf(30 * DAY_MS))),
                new Spec(RESPONSIBILITY, 1, Map.of("cleanup.policy", "compact")),
                new Spec(INDICATORS, small, Map.of("cleanup.policy", "compact")));
    }
}
