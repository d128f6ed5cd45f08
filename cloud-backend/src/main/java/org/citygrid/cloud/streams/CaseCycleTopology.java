package org.citygrid.cloud.streams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.citygrid.cloud.commands.CommandCheck;
import org.citygrid.cloud.config.CaseCycleSettings;
import org.citygrid.cloud.dispatch.HandlerLoad;
import org.citygrid.cloud.duplicates.DuplicateRule;
import org.citygrid.cloud.duplicates.OpenCase;
import org.citygrid.cloud.duplicates.OpenCaseIndex;
import org.citygrid.cloud.geocode.Geocoding;
import org.citygrid.cloud.geocode.GridLocator;
import org.citygrid.cloud.geocode.LocatedIntake;
import org.citygrid.cloud.indicators.IndicatorBuffer;
import org.citygrid.cloud.intake.Checked;
import org.citygrid.cloud.intake.IntakeValidation;
import org.citygrid.cloud.intake.SensorCategories;
import org.citygrid.cloud.ledger.CaseOutput;
import org.citygrid.cloud.ledger.CaseStore;
import org.citygrid.cloud.metrics.CaseCycleMetrics;
import org.citygrid.cloud.sla.SlaAlarm;
import org.citygrid.cloud.sla.SlaPolicy;
import org.citygrid.cloud.sla.SlaSchedule;
import org.citygrid.cloud.streams.stores.GlobalResponsibilityRows;
import org.citygrid.contracts.dispatch.Responsibility;
import org.citygrid.contracts.indicators.DailyTally;
import org.citygrid.contracts.notify.NotificationIntent;
import org.citygrid.contracts.topics.Topic;
import org.citygrid.contracts.topics.TopicCatalogue;
import org.citygrid.contracts.topics.Topics;
import org.citygrid.model.cases.CaseCommand;
import org.citygrid.model.cases.CaseRules;
import org.citygrid.model.category.CategoryCatalogue;
import org.citygrid.model.wire.WireCodec;

/**
 * The case cycle as one Kafka Streams topology:
 *
 * <pre>
 * grid.intake ─ intake-validation ─ geocoding ─┬─ refused ──────────────────────────────▶ grid.intake-rejections
 *                                              └─ by community ─▶ [intake-by-community] ─ intake-router ─┐
 * grid.commands ─ command-check ─┬─ refused ────────────────────────────────────────────────────────────┤
 *                                └─ by case ─▶ [commands-by-community] ─ command-processor (+SLA clock) ─┤
 *                                                                                                     outputs
 *   outputs ─▶ grid.case-events, grid.cases, grid.command-rejections, grid.intake-rejections,
 *              grid.notifications (v2, and v1 while readers switch), grid.dead-letters
 *   outputs ─ indicator tallies ─▶ [indicator-days] ─ sum per day and key ─▶ grid.indicators
 * grid.responsibility ─▶ GlobalKTable "responsibility" (read by dispatch)
 * </pre>
 *
 * The intake router and the command processor share the stores {@code cases}, {@code open-cases},
 * {@code handler-load}, {@code sla-alarms} and {@code indicator-buffer}, so Kafka Streams runs them in
 * one sub-topology whose two sources are the repartition topics: partition p of both is one task.
 * This is the only place that knows Kafka Streams' DSL; every step is a plain class of its feature.
 */
public final class CaseCycleTopology {

    private static final JsonSerde<LocatedIntake> LOCATED = JsonSerde.of(LocatedIntake.class);

    private CaseCycleTopology() {
    }

    /** The topology with metrics nobody reads: for specs that only look at the topics. */
    public static Topology build(CaseCycleSettings settings, CaseRules rules, CategoryCatalogue catalogue,
                                 GridLocator locator) {
        return build(settings, rules, catalogue, locator, new CaseCycleMetrics());
    }

    public static Topology build(CaseCycleSettings settings, CaseRules rules, CategoryCatalogue catalogue,
                                 GridLocator locator, CaseCycleMetrics metrics) {
        IntakeValidation validation = new IntakeValidation(rules, new SensorCategories(catalogue, settings.sensorCategories()));
        Geocoding geocoding = new Geocoding(locator);
        CaseTasks tasks = new CaseTasks(rules, catalogue, new SlaPolicy(rules, settings.warnShare(), settings.escalateShare()),
                new DuplicateRule(settings.duplicateDistanceMetres(), settings.duplicateWindow()), List.of(metrics),
                deadLetters(settings, metrics));

        Topics topics = settings.topics();
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder);
        builder.globalTable(topics.responsibility(),
                Consumed.with(Serdes.String(), new ResponsibilitySerde()).withName("responsibility-source"),
                Materialized.<String, Responsibility, KeyValueStore<Bytes, byte[]>>as(GlobalResponsibilityRows.STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(new ResponsibilitySerde()));

        // --- intake: validate, place, route to the community's task
        KStream<String, Checked<LocatedIntake>> placed = builder
                .stream(topics.intake(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("intake-source"))
                .processValues(() -> new ValueStep<>(validation::check), Named.as("intake-validation"))
                .processValues(() -> new ValueStep<Checked<org.citygrid.cloud.intake.ValidIntake>, Checked<LocatedIntake>>(
                        (key, valid, at) -> geocoding.place(valid, at)), Named.as("geocoding"));
        KStream<String, CaseOutput> intakeRefused = placed
                .filter((k, v) -> v instanceof Checked.Refused, Named.as("intake-refused"))
                .map((k, v) -> {
                    CaseOutput out = new CaseOutput.IntakeRefused(((Checked.Refused<LocatedIntake>) v).rejection());
                    return KeyValue.pair(out.key(), out);
                }, Named.as("intake-refusal"));
        KStream<String, CaseOutput> fromIntake = placed
                .filter((k, v) -> v instanceof Checked.Passed, Named.as("intake-placed"))
                .map((k, v) -> {
                    LocatedIntake located = ((Checked.Passed<LocatedIntake>) v).value();
                    return KeyValue.pair(located.communityCode(), located);
                }, Named.as("key-by-community"))
                .repartition(Repartitioned.<String, LocatedIntake>with(Serdes.String(), LOCATED)
                        .withName("intake-by-community")
                        .withNumberOfPartitions(settings.partitions())
                        .withStreamPartitioner(new ByCommunity<>()))
                .process(() -> new CaseProcessor<LocatedIntake>(tasks,
                                (task, in) -> task.router.route(in.value(), Instant.ofEpochMilli(in.timestamp())),
                                v -> LOCATED.serializer().serialize(null, v), null),
                        Named.as("intake-router"), CaseTasks.STORES);

        // --- commands: check, route to the case's task, decide
        KStream<String, CommandCheck.Result> checked = builder
                .stream(topics.commands(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("commands-source"))
                .processValues(() -> new ValueStep<>(CommandCheck::check), Named.as("command-check"));
        KStream<String, CaseOutput> commandRefused = checked
                .filter((k, v) -> v instanceof CommandCheck.Result.Invalid, Named.as("command-refused"))
                .map((k, v) -> {
                    CaseOutput out = ((CommandCheck.Result.Invalid) v).refusal();
                    return KeyValue.pair(out.key(), out);
                }, Named.as("command-refusal"));
        KStream<String, CaseOutput> fromCommands = checked
                .filter((k, v) -> v instanceof CommandCheck.Result.Valid, Named.as("command-valid"))
                .map((k, v) -> {
                    CaseCommand command = ((CommandCheck.Result.Valid) v).command();
                    return KeyValue.pair(command.caseId(), command);
                }, Named.as("key-by-case"))
                .repartition(Repartitioned.<String, CaseCommand>with(Serdes.String(), TopicCatalogue.COMMANDS.valueSerde())
                        .withName("commands-by-community")
                        .withNumberOfPartitions(settings.partitions())
                        .withStreamPartitioner(new ByCommunity<>()))
                .process(() -> new CaseProcessor<CaseCommand>(tasks, (task, in) -> task.ledger.handle(in.value()),
                                WireCodec.commands()::write,
                                new CaseProcessor.Clocks(settings.slaInterval(), settings.indicatorFlush())),
                        Named.as("command-processor"), CaseTasks.STORES);

        KStream<String, CaseOutput> outputs = fromIntake
                .merge(fromCommands, Named.as("case-outputs"))
                .merge(intakeRefused, Named.as("with-intake-refusals"))
                .merge(commandRefused, Named.as("with-command-refusals"));
        publish(outputs, topics, settings.notificationsV1());
        return builder.build();
    }

    private static DeadLetters deadLetters(CaseCycleSettings settings, CaseCycleMetrics metrics) {
        return new DeadLetters(settings.applicationId(), settings.topics().deadLetters(), metrics, Clock.systemUTC());
    }

    /**
     * The tasks' stores, each cached: writes to one key within a commit interval reach RocksDB and the changelog
     * once, at the commit. The keys many reports share (a day's tallies of a street, a handler's load, the SLA
     * alarms' and open cases' entries of a busy case) are written once per commit instead of once per report.
     */
    private static void addStores(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CaseStore.STORE),
                Serdes.String(), new CaseSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OpenCaseIndex.STORE),
                Serdes.String(), JsonSerde.of(OpenCase.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HandlerLoad.STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SlaSchedule.STORE),
                Serdes.String(), JsonSerde.of(SlaAlarm.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(IndicatorBuffer.STORE),
                Serdes.String(), JsonSerde.of(DailyTally.class)).withCachingEnabled());
    }

    private static void publish(KStream<String, CaseOutput> outputs, Topics topics, boolean notificationsV1) {
        outputs.filter((k, v) -> v instanceof CaseOutput.Event, Named.as("events"))
                .mapValues(v -> ((CaseOutput.Event) v).event(), Named.as("event"))
                .to(topics.caseEvents(), produced(TopicCatalogue.CASE_EVENTS).withName("case-events-sink"));
        outputs.filter((k, v) -> v instanceof CaseOutput.Snapshot, Named.as("snapshots"))
                .mapValues(v -> ((CaseOutput.Snapshot) v).snapshot(), Named.as("snapshot"))
                .to(topics.cases(), produced(TopicCatalogue.CASES).withName("cases-sink"));
        outputs.filter((k, v) -> v instanceof CaseOutput.CommandRefused, Named.as("command-rejections"))
                .mapValues(v -> (CaseOutput.CommandRefused) v, Named.as("command-rejection"))
                .to(topics.commandRejections(), Produced.with(Serdes.String(), Serdes.serdeFrom(commandRefusals(), (topic, bytes) -> {
                    throw new UnsupportedOperationException("write-only");
                }))
                        .withName("command-rejections-sink"));
        outputs.filter((k, v) -> v instanceof CaseOutput.IntakeRefused, Named.as("intake-rejections"))
                .mapValues(v -> ((CaseOutput.IntakeRefused) v).rejection(), Named.as("intake-rejection"))
                .to(topics.intakeRejections(), produced(TopicCatalogue.INTAKE_REJECTIONS).withName("intake-rejections-sink"));
        KStream<String, CaseOutput.Notification> notifications = outputs
                .filter((k, v) -> v instanceof CaseOutput.Notification, Named.as("notifications"))
                .mapValues(v -> (CaseOutput.Notification) v, Named.as("notification"));
        notifications.mapValues(CaseOutput.Notification::notification, Named.as("notification-v2"))
                .to(topics.notifications(), produced(TopicCatalogue.NOTIFICATIONS).withName("notifications-sink"));
        if (notificationsV1) {
            // readers that have not switched to v2 get the same notification as v1 records, one per audience
            notifications.flatMapValues(n -> NotificationIntent.of(n.notification()), Named.as("notification-v1"))
                    .to(topics.notifications(), Produced.with(Serdes.String(), TopicCatalogue.NOTIFICATION_INTENTS_V1)
                            .withName("notifications-v1-sink"));
        }
        outputs.filter((k, v) -> v instanceof CaseOutput.DeadLettered, Named.as("dead-letters"))
                .mapValues(v -> ((CaseOutput.DeadLettered) v).letter(), Named.as("dead-letter"))
                .to(topics.deadLetters(), produced(TopicCatalogue.DEAD_LETTERS).withName("dead-letters-sink"));
        // tallies of one day and key come from every partition: regroup by tally key, then sum
        outputs.filter((k, v) -> v instanceof CaseOutput.Indicator, Named.as("indicator-tallies"))
                .mapValues(v -> ((CaseOutput.Indicator) v).delta(), Named.as("indicator-tally"))
                .groupByKey(Grouped.with("indicator-days", Serdes.String(), JsonSerde.of(DailyTally.class)))
                .reduce(DailyTally::plus, Named.as("indicator-days-sum"),
                        Materialized.<String, DailyTally, KeyValueStore<Bytes, byte[]>>as("indicator-days")
                                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(DailyTally.class)))
                .toStream(Named.as("indicator-days-changes"))
                .to(topics.indicators(), produced(TopicCatalogue.INDICATORS).withName("indicators-sink"));
    }

    private static <K, V> Produced<K, V> produced(Topic<K, V> topic) {
        return Produced.with(topic.keySerde(), topic.valueSerde());
    }

    /** The v1 command rejection, plus the unreadable payload where there was one. */
    private static Serializer<CaseOutput.CommandRefused> commandRefusals() {
        return (topic, refused) -> {
            ObjectNode tree = (ObjectNode) WireCodec.commandRejections().toTree(refused.rejection());
            if (refused.payload() != null) {
                tree.put("payload", refused.payload());
            }
            return tree.toString().getBytes(StandardCharsets.UTF_8);
        };
    }

    /**
     * Streams settings: exactly-once v2, the commit interval that bounds end-to-end latency, and the
     * error handlers that set a record aside instead of stopping ({@link ErrorHandlers}).
     *
     * @param deadLetters where the handlers set records aside
     */
    public static Properties streamsProperties(CaseCycleSettings settings, DeadLetters deadLetters) {
        Properties props = new Properties();
        props.putAll(settings.kafkaClient());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.replication());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        // a warm copy of each task's stores on another instance, so that a failover does not restore from the
        // changelogs first; useful only with more than one instance
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
        // Streams adds the thread to a static member id
        settings.groupMembership("").forEach((key, value) -> props.put(StreamsConfig.consumerPrefix(key), value));
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, ErrorHandlers.Deserialization.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, ErrorHandlers.Processing.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, ErrorHandlers.Production.class);
        props.put(DeadLetters.CONFIG, deadLetters);
        return props;
    }

    /** The properties for a spec that reads no metrics. */
    public static Properties streamsProperties(CaseCycleSettings settings) {
        return streamsProperties(settings, new CaseCycleMetrics());
    }

    /** The properties with dead letters counted by {@code metrics}. */
    public static Properties streamsProperties(CaseCycleSettings settings, CaseCycleMetrics metrics) {
        return streamsProperties(settings, deadLetters(settings, metrics));
    }
}
