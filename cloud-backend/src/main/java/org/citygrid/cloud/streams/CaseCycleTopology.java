package org.citygrid.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.citygrid.cloud.commands.CaseHistory;
import org.citygrid.cloud.commands.CaseLedger;
import org.citygrid.cloud.commands.CaseOutput;
import org.citygrid.cloud.commands.CommandCheck;
import org.citygrid.cloud.commands.CommandProcessor;
import org.citygrid.cloud.commands.LedgerFactory;
import org.citygrid.cloud.dispatch.HandlerLoad;
import org.citygrid.cloud.dispatch.ResponsibilitySerde;
import org.citygrid.cloud.dispatch.ResponsibilityTable;
import org.citygrid.cloud.duplicates.DuplicateRule;
import org.citygrid.cloud.duplicates.IntakeRouter;
import org.citygrid.cloud.duplicates.OpenCase;
import org.citygrid.cloud.duplicates.OpenCaseIndex;
import org.citygrid.cloud.geocode.Geocoding;
import org.citygrid.cloud.geocode.GridLocator;
import org.citygrid.cloud.geocode.LocatedIntake;
import org.citygrid.cloud.indicators.IndicatorBuffer;
import org.citygrid.cloud.intake.Checked;
import org.citygrid.cloud.intake.IntakeValidation;
import org.citygrid.cloud.intake.SensorCategories;
import org.citygrid.cloud.keys.CommunityPartitioner;
import org.citygrid.cloud.sla.SlaAlarm;
import org.citygrid.cloud.sla.SlaPolicy;
import org.citygrid.cloud.sla.SlaSchedule;
import org.citygrid.cloud.support.JsonSerde;
import org.citygrid.contracts.dispatch.Responsibility;
import org.citygrid.contracts.indicators.DailyTally;
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
 *   outputs ─▶ grid.case-events, grid.cases, grid.command-rejections, grid.intake-rejections, grid.notifications
 *   outputs ─ indicator tallies ─▶ [indicator-days] ─ sum per day and key ─▶ grid.indicators
 * grid.responsibility ─▶ GlobalKTable "responsibility" (read by dispatch)
 * </pre>
 *
 * The intake router and the command processor share the stores {@code cases}, {@code open-cases},
 * {@code handler-load} and {@code sla-alarms}, so Kafka Streams runs them in one sub-topology
 * whose two sources are the repartition topics: partition p of both is one task.
 */
public final class CaseCycleTopology {

    private CaseCycleTopology() {
    }

    public static Topology build(CaseCycleSettings settings, CaseRules rules, CategoryCatalogue catalogue,
                                 GridLocator locator) {
        SensorCategories sensors = new SensorCategories(catalogue, settings.sensorCategories());
        LedgerFactory ledgers = new LedgerFactory(rules, catalogue,
                new SlaPolicy(rules, settings.warnShare(), settings.escalateShare()), settings.duplicateDistanceMetres());
        DuplicateRule duplicates = new DuplicateRule(settings.duplicateDistanceMetres(), settings.duplicateWindow());

        Topics topics = settings.topics();
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder);
        builder.globalTable(topics.responsibility(),
                Consumed.with(Serdes.String(), new ResponsibilitySerde()).withName("responsibility-source"),
                Materialized.<String, Responsibility, KeyValueStore<Bytes, byte[]>>as(ResponsibilityTable.STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(new ResponsibilitySerde()));

        // --- intake: validate, place, route to the community's task
        KStream<String, Checked<LocatedIntake>> placed = builder
                .stream(topics.intake(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("intake-source"))
                .processValues(() -> new IntakeValidation(rules, sensors), Named.as("intake-validation"))
                .processValues(() -> new Geocoding(locator), Named.as("geocoding"));
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
                .repartition(Repartitioned.<String, LocatedIntake>with(Serdes.String(), JsonSerde.of(LocatedIntake.class))
                        .withName("intake-by-community")
                        .withNumberOfPartitions(settings.partitions())
                        .withStreamPartitioner(new CommunityPartitioner<>()))
                .process(() -> new IntakeRouter(ledgers, duplicates), Named.as("intake-router"), LedgerFactory.stores());

        // --- commands: check, route to the case's task, decide
        KStream<String, CommandCheck.Result> checked = builder
                .stream(topics.commands(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("commands-source"))
                .processValues(CommandCheck::new, Named.as("command-check"));
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
                        .withStreamPartitioner(new CommunityPartitioner<>()))
                .process(() -> new CommandProcessor(ledgers, settings.slaInterval(), settings.indicatorFlush()), Named.as("command-processor"),
                        LedgerFactory.stores());

        KStream<String, CaseOutput> outputs = fromIntake
                .merge(fromCommands, Named.as("case-outputs"))
                .merge(intakeRefused, Named.as("with-intake-refusals"))
                .merge(commandRefused, Named.as("with-command-refusals"));
        publish(outputs, topics);
        return builder.build();
    }

    private static void addStores(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CaseLedger.STORE),
                Serdes.String(), JsonSerde.of(CaseHistory.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OpenCaseIndex.STORE),
                Serdes.String(), JsonSerde.of(OpenCase.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HandlerLoad.STORE),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SlaSchedule.STORE),
                Serdes.String(), JsonSerde.of(SlaAlarm.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(IndicatorBuffer.STORE),
                Serdes.String(), JsonSerde.of(DailyTally.class)));
    }

    private static void publish(KStream<String, CaseOutput> outputs, Topics topics) {
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
        outputs.filter((k, v) -> v instanceof CaseOutput.Notification, Named.as("notifications"))
                .mapValues(v -> ((CaseOutput.Notification) v).intent(), Named.as("notification"))
                .to(topics.notifications(), produced(TopicCatalogue.NOTIFICATIONS).withName("notifications-sink"));
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
            return tree.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        };
    }

    /** Streams settings: exactly-once v2, and the commit interval that bounds end-to-end latency. */
    public static Properties streamsProperties(CaseCycleSettings settings) {
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
        return props;
    }

}
