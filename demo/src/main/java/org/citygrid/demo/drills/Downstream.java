package org.citygrid.demo.drills;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.citygrid.contracts.topics.TopicCatalogue;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.wire.WireCodec;

/**
 * What reached the cloud, read the way anyone outside would: {@code grid.intake} and
 * {@code grid.intake-rejections} from the broker (every record from the start, counted by intake id), the case
 * cycle's output {@code grid.case-events} from the broker too, and {@code grid.case_events} / {@code grid.cases}
 * from the read model. Reading the transitions in both places tells whether a loss happened in the case cycle
 * (Kafka Streams) or after it, in the projection into PostGIS.
 */
final class Downstream implements AutoCloseable {
    // constants, for the switch on a record's topic
    static final String INTAKE = TopicCatalogue.Names.INTAKE;
    static final String REJECTIONS = TopicCatalogue.Names.INTAKE_REJECTIONS;
    static final String CASE_EVENTS = TopicCatalogue.Names.CASE_EVENTS;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, byte[]> consumer;
    private final String jdbcUrl;
    /** Records per intake id, as read so far. */
    private final Map<String, Integer> intake = new HashMap<>();
    private final Map<String, Integer> rejections = new TreeMap<>();
    private long intakeRecords;
    /** Transitions on the grid.case-events topic caused by intake, by command id and type. */
    private final Map<String, Map<String, Integer>> topicTransitions = new HashMap<>();
    /** Versions per case on the grid.case-events topic, to find gaps there. */
    private final Map<String, Set<Long>> topicVersions = new HashMap<>();
    private long topicEvents;

    Downstream(String bootstrapServers, String jdbcUrl) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // rejections come from transactions
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new java.util.ArrayList<>();
        for (String topic : List.of(INTAKE, REJECTIONS, CASE_EVENTS)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions); // no group: every record from the start, nothing committed
        consumer.seekToBeginning(partitions);
        this.jdbcUrl = jdbcUrl;
    }

    /** A reading of everything downstream at one moment. */
    record Snapshot(Map<String, Integer> intakeById, long intakeRecords, Map<String, Integer> rejectionsByReason,
                    Map<String, Map<String, Integer>> transitionsByCommand, long sensorCases, long caseEvents,
                    long casesWithGaps, CaseCycleOutput caseCycle) {
    }

    /**
     * The case cycle's transitions as it wrote them to {@code grid.case-events} (committed records only): the
     * same count one step before the read model.
     */
    record CaseCycleOutput(Map<String, Map<String, Integer>> transitionsByCommand, long events, long casesWithGaps) {
        static final CaseCycleOutput NONE = new CaseCycleOutput(Map.of(), 0, 0);
    }

    /** Reads what is new on the topics, then the read model as it is now. */
    Snapshot read() {
        while (true) {
            var records = consumer.poll(Duration.ofMillis(500));
            for (ConsumerRecord<String, byte[]> r : records) {
                if (r.value() == null) {
                    continue;
                }
                switch (r.topic()) {
                    case INTAKE -> {
                        intakeRecords++;
                        intake.merge(field(r.value(), "intakeId"), 1, Integer::sum);
                    }
                    case REJECTIONS -> rejections.merge(field(r.value(), "reason"), 1, Integer::sum);
                    default -> caseEvent(r.value());
                }
            }
            if (records.isEmpty() && caughtUp()) {
                break;
            }
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            Map<String, Map<String, Integer>> transitions = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT command_id, type, count(*) FROM grid.case_events"
                    + " WHERE command_id LIKE 'intake:%' GROUP BY command_id, type")) {
                while (rs.next()) {
                    transitions.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                }
            }
            long cases = single(s, "SELECT count(*) FROM grid.cases WHERE channel = 'SENSOR'");
            long events = single(s, "SELECT count(*) FROM grid.case_events");
            // versions run 1, 2, 3... per case: a gap is a transition that never reached the read model
            long gaps = single(s, "SELECT count(*) FROM (SELECT case_id FROM grid.case_events GROUP BY case_id"
                    + " HAVING max(version) <> count(*) OR min(version) <> 1) g");
            return new Snapshot(Map.copyOf(intake), intakeRecords, Map.copyOf(rejections), transitions, cases, events,
                    gaps, caseCycleOutput());
        } catch (SQLException e) {
            // the projection creates schema grid at start; before that there is nothing to count
            return new Snapshot(Map.copyOf(intake), intakeRecords, Map.copyOf(rejections), Map.of(), 0, 0, 0,
                    caseCycleOutput());
        }
    }

    private void caseEvent(byte[] value) {
        CaseEvent event;
        try {
            event = WireCodec.events().read(value);
        } catch (RuntimeException unreadable) {
            return; // not the drill's to judge: the read model skips it too
        }
        topicEvents++;
        topicVersions.computeIfAbsent(event.caseId(), k -> new HashSet<>()).add(event.version());
        if (event.commandId() != null && event.commandId().startsWith("intake:")) {
            topicTransitions.computeIfAbsent(event.commandId(), k -> new HashMap<>())
                    .merge(event.change().getClass().getSimpleName(), 1, Integer::sum);
        }
    }

    private CaseCycleOutput caseCycleOutput() {
        long gaps = topicVersions.values().stream()
                .filter(v -> v.size() != java.util.Collections.max(v) || !v.contains(1L)).count();
        Map<String, Map<String, Integer>> copy = new HashMap<>();
        topicTransitions.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        return new CaseCycleOutput(copy, topicEvents, gaps);
    }

    private boolean caughtUp() {
        var end = consumer.endOffsets(consumer.assignment());
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static long single(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String field(byte[] json, String name) {
        try {
            JsonNode node = JSON.readTree(json);
            return node.path(name).asText("?");
        } catch (java.io.IOException e) {
            return "(unreadable)";
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
