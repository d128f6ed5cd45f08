package org.citygrid.cloud;

import java.util.List;
import java.util.Map;

/**
 * The topics the case cycle reads and writes, with the partition counts and configs it creates
 * them with (docs/cloud-backend.md lists the same). Names are the documented ones, behind an
 * optional prefix ({@code CITYGRID_TOPIC_PREFIX}) so that several case cycles can share one
 * cluster without reading each other's records: a staging and a production district, or the
 * specs of one test run. Partition counts scale from one setting so that a test broker can use
 * fewer partitions than production.
 */
public record Topics(String prefix) {

    public static final Topics DEFAULT = new Topics("");

    private static final long DAY_MS = 24L * 3600 * 1000;

    /** One topic to create: name, partitions, configs. */
    public record Spec(String name, int partitions, Map<String, String> configs) {
    }

    public Topics {
        prefix = prefix == null ? "" : prefix;
    }

    public String intake() {
        return prefix + "grid.intake";
    }

    public String commands() {
        return prefix + "grid.commands";
    }

    public String caseEvents() {
        return prefix + "grid.case-events";
    }

    public String cases() {
        return prefix + "grid.cases";
    }

    public String notifications() {
        return prefix + "grid.notifications";
    }

    public String commandRejections() {
        return prefix + "grid.command-rejections";
    }

    public String intakeRejections() {
        return prefix + "grid.intake-rejections";
    }

    public String responsibility() {
        return prefix + "grid.responsibility";
    }

    public String indicators() {
        return prefix + "grid.indicators";
    }

    public List<Spec> all(int partitions) {
        int small = Math.max(1, partitions / 2);
        return List.of(
                new Spec(intake(), partitions, Map.of("retention.ms", String.valueOf(7 * DAY_MS))),
                new Spec(commands(), partitions, Map.of("retention.ms", String.valueOf(7 * DAY_MS))),
                // the audit log: kept for good
                new Spec(caseEvents(), partitions, Map.of("retention.ms", "-1")),
                new Spec(cases(), partitions, Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000")),
                new Spec(notifications(), small, Map.of("retention.ms", String.valueOf(3 * DAY_MS))),
                new Spec(commandRejections(), small, Map.of("retention.ms", String.valueOf(7 * DAY_MS))),
                new Spec(intakeRejections(), small, Map.of("retention.ms", String.valueOf(30 * DAY_MS))),
                new Spec(responsibility(), 1, Map.of("cleanup.policy", "compact")),
                new Spec(indicators(), small, Map.of("cleanup.policy", "compact")));
    }
}
