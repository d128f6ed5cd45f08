package org.citygrid.contracts.topics;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.citygrid.contracts.deadletters.DeadLetter;
import org.citygrid.contracts.dispatch.Responsibility;
import org.citygrid.contracts.indicators.DailyTally;
import org.citygrid.contracts.notify.CaseNotification;
import org.citygrid.contracts.notify.NotificationIntent;
import org.citygrid.model.cases.CaseCommand;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.cases.CaseSnapshot;
import org.citygrid.model.cases.CommandRejected;
import org.citygrid.model.intake.IntakeRecord;
import org.citygrid.model.intake.IntakeRejection;
import org.citygrid.model.wire.WireCodec;

/**
 * Every Kafka topic the modules share: name, key, value type and serde, and how it is created
 * (docs/wire-formats.md for the records, docs/cloud-backend.md for partitions and configs). This is
 * the one main source file where a topic's name is written out; everything else refers to it here,
 * through {@link Topics} when a deployment prefixes its names ({@code CITYGRID_TOPIC_PREFIX}).
 *
 * <p>Every key is a string. Who uses what:
 * <ul>
 *   <li>cloud-backend creates every topic ({@link Topics#specs(int)}), runs the case cycle on them and
 *       projects them into the read model;</li>
 *   <li>edge-node writes {@link #INTAKE};</li>
 *   <li>mobile-api writes {@link #INTAKE} and {@link #COMMANDS}, reads {@link #COMMAND_REJECTIONS},
 *       {@link #CASE_EVENTS} and {@link #NOTIFICATIONS}, each name taken from this catalogue
 *       behind {@code CITYGRID_TOPIC_PREFIX} (its {@code GridTopics});</li>
 *   <li>the demo's drills and benchmark read them as any outside consumer would.</li>
 * </ul>
 */
public final class TopicCatalogue {

    private static final long DAY_MS = 24L * 3600 * 1000;

    /** The names as compile-time constants, for annotation defaults; in code, prefer the topics below. */
    public static final class Names {
        public static final String INTAKE = "grid.intake";
        public static final String COMMANDS = "grid.commands";
        public static final String CASE_EVENTS = "grid.case-events";
        public static final String CASES = "grid.cases";
        public static final String NOTIFICATIONS = "grid.notifications";
        public static final String COMMAND_REJECTIONS = "grid.command-rejections";
        public static final String INTAKE_REJECTIONS = "grid.intake-rejections";
        public static final String RESPONSIBILITY = "grid.responsibility";
        public static final String INDICATORS = "grid.indicators";
        public static final String DEAD_LETTERS = "grid.dead-letters";

        private Names() {
        }
    }

    /**
     * What any channel reports (edge nodes, mobile-api, Open311), keyed by {@code deviceId} for sensor
     * alarms (a raise and its clear stay in order), else by {@code intakeId}.
     */
    public static final Topic<String, IntakeRecord> INTAKE = wire(Names.INTAKE, IntakeRecord.class,
            WireCodec.intake(), Topic.Partitions.ALL, retentionDays(7));

    /** Requests to change one case, keyed by {@code caseId}. */
    public static final Topic<String, CaseCommand> COMMANDS = wire(Names.COMMANDS, CaseCommand.class,
            WireCodec.commands(), Topic.Partitions.ALL, retentionDays(7));

    /** The audit log, keyed by {@code caseId}: kept for good. */
    public static final Topic<String, CaseEvent> CASE_EVENTS = wire(Names.CASE_EVENTS, CaseEvent.class,
            WireCodec.events(), Topic.Partitions.ALL, Map.of("retention.ms", "-1"));

    /** Each case's current state, keyed by {@code caseId}, compacted. */
    public static final Topic<String, CaseSnapshot> CASES = wire(Names.CASES, CaseSnapshot.class,
            WireCodec.snapshots(), Topic.Partitions.ALL,
            Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000"));

    /**
     * Who must be told what of each case event ({@link CaseNotification}, v2), keyed by {@code caseId}.
     * The topic also holds v1 records ({@link #NOTIFICATION_INTENTS_V1}): a reader tells them apart by
     * their {@code "v"}.
     */
    public static final Topic<String, CaseNotification> NOTIFICATIONS = new Topic<>(Names.NOTIFICATIONS,
            CaseNotification.class, key(), new VersionedJsonSerde<>(CaseNotification.class, CaseNotification.VERSION),
            Topic.Partitions.HALF, retentionDays(3));

    /**
     * The v1 records of {@link #NOTIFICATIONS}, one per audience ({@link NotificationIntent}), which the case
     * cycle writes beside v2 while readers switch (docs/wire-formats.md).
     */
    public static final VersionedJsonSerde<NotificationIntent> NOTIFICATION_INTENTS_V1 =
            new VersionedJsonSerde<>(NotificationIntent.class, 1);

    /** Refused commands, for their senders, keyed by {@code caseId}. */
    public static final Topic<String, CommandRejected> COMMAND_REJECTIONS = wire(Names.COMMAND_REJECTIONS,
            CommandRejected.class, WireCodec.commandRejections(), Topic.Partitions.HALF, retentionDays(7));

    /** Intake that could not be taken, with its payload, keyed by {@code intakeId}. */
    public static final Topic<String, IntakeRejection> INTAKE_REJECTIONS = wire(Names.INTAKE_REJECTIONS,
            IntakeRejection.class, WireCodec.intakeRejections(), Topic.Partitions.HALF, retentionDays(30));

    /** The responsibility table, keyed by {@link Responsibility#key}, compacted; a null value deletes a row. */
    public static final Topic<String, Responsibility> RESPONSIBILITY = versioned(Names.RESPONSIBILITY,
            Responsibility.class, Topic.Partitions.ONE, Map.of("cleanup.policy", "compact"));

    /** Daily indicator tallies, keyed by {@link DailyTally#key()}, compacted. */
    public static final Topic<String, DailyTally> INDICATORS = versioned(Names.INDICATORS, DailyTally.class,
            Topic.Partitions.HALF, Map.of("cleanup.policy", "compact"));

    /**
     * Records a consumer set aside after its retries, keyed by {@link DeadLetter#coordinates()}: the case
     * cycle and the read-model projection write them (docs/cloud-backend.md, "Dead letters").
     */
    public static final Topic<String, DeadLetter> DEAD_LETTERS = versioned(Names.DEAD_LETTERS, DeadLetter.class,
            Topic.Partitions.HALF, retentionDays(30));

    private static final List<Topic<?, ?>> ALL = List.of(INTAKE, COMMANDS, CASE_EVENTS, CASES, NOTIFICATIONS,
            COMMAND_REJECTIONS, INTAKE_REJECTIONS, RESPONSIBILITY, INDICATORS, DEAD_LETTERS);

    private TopicCatalogue() {
    }

    /** Every topic, in the order of docs/cloud-backend.md. */
    public static List<Topic<?, ?>> all() {
        return ALL;
    }

    private static <V> Topic<String, V> wire(String name, Class<V> type, WireCodec<V> codec, Topic.Partitions partitions,
                                             Map<String, String> configs) {
        return new Topic<>(name, type, key(), WireSerde.of(codec), partitions, configs);
    }

    private static <V> Topic<String, V> versioned(String name, Class<V> type, Topic.Partitions partitions,
                                                  Map<String, String> configs) {
        return new Topic<>(name, type, key(), new VersionedJsonSerde<>(type, 1), partitions, configs);
    }

    private static Serde<String> key() {
        return Serdes.String();
    }

    private static Map<String, String> retentionDays(int days) {
        return Map.of("retention.ms", String.valueOf(days * DAY_MS));
    }
}
