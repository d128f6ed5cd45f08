package org.citygrid.contracts.topics;

import java.util.List;
import java.util.Map;

/**
 * The {@link TopicCatalogue}'s topics as one deployment names them: the documented names behind an
 * optional prefix ({@value #PREFIX_VARIABLE}), so that several case cycles can share one cluster
 * without reading each other's records: a staging and a production district, or the specs of one
 * test run. {@link #specs(int)} says how to create them; partition counts scale from one setting
 * so that a test broker can use fewer partitions than production.
 */
public record Topics(String prefix) {

    /** The setting that prefixes every topic name (cloud-backend reads it from the environment). */
    public static final String PREFIX_VARIABLE = "CITYGRID_TOPIC_PREFIX";

    /** The documented names, unprefixed. */
    public static final Topics DEFAULT = new Topics("");

    /** One topic to create: name, partitions, configs. */
    public record Spec(String name, int partitions, Map<String, String> configs) {
    }

    public Topics {
        prefix = prefix == null ? "" : prefix;
    }

    /** The topic's name in this deployment. */
    public String name(Topic<?, ?> topic) {
        return prefix + topic.name();
    }

    public String intake() {
        return name(TopicCatalogue.INTAKE);
    }

    public String commands() {
        return name(TopicCatalogue.COMMANDS);
    }

    public String caseEvents() {
        return name(TopicCatalogue.CASE_EVENTS);
    }

    public String cases() {
        return name(TopicCatalogue.CASES);
    }

    public String notifications() {
        return name(TopicCatalogue.NOTIFICATIONS);
    }

    public String commandRejections() {
        return name(TopicCatalogue.COMMAND_REJECTIONS);
    }

    public String intakeRejections() {
        return name(TopicCatalogue.INTAKE_REJECTIONS);
    }

    public String responsibility() {
        return name(TopicCatalogue.RESPONSIBILITY);
    }

    public String indicators() {
        return name(TopicCatalogue.INDICATORS);
    }

    public String deadLetters() {
        return name(TopicCatalogue.DEAD_LETTERS);
    }

    /** Every catalogue topic as it is created, for a deployment of {@code partitions} partitions. */
    public List<Spec> specs(int partitions) {
        return TopicCatalogue.all().stream()
                .map(t -> new Spec(name(t), t.partitions().of(partitions), t.configs()))
                .toList();
    }
}
