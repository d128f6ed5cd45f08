package org.citygrid.demo.drills;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What reached the cloud, read the way anyone outside would: {@code grid.intake} and
 * {@code grid.intake-rejections} from the broker (every record from the start, counted by intake id), and
 * {@code grid.case_events} / {@code grid.cases} from the read model.
 */
final class Downstream implements AutoCloseable {
    static final String INTAKE = "grid.intake";
    static final String REJECTIONS = "grid.intake-rejections";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final String jdbcUrl;
    /** Records per intake id, as read so far. */
    private final Map<String, Integer> intake = new HashMap<>();
    private final Map<String, Integer> rejections = new TreeMap<>();
    private long intakeRecords;

    Downstream(String bootstrapServers, String jdbcUrl) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // rejections come from transactions
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new java.util.ArrayList<>();
        for (String topic : List.of(INTAKE, REJECTIONS)) {
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
                    long casesWithGaps) {
    }

    /** Reads what is new on the topics, then the read model as it is now. */
    Snapshot read() {
        while (true) {
            var records = consumer.poll(Duration.ofMillis(500));
            for (ConsumerRecord<String, String> r : records) {
                if (r.topic().equals(INTAKE)) {
                    intakeRecords++;
                    intake.merge(field(r.value(), "intakeId"), 1, Integer::sum);
                } else {
                    rejections.merge(field(r.value(), "reason"), 1, Integer::sum);
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
                    gaps);
        } catch (SQLException e) {
            // the projection creates schema grid at start; before that there is nothing to count
            return new Snapshot(Map.copyOf(intake), intakeRecords, Map.copyOf(rejections), Map.of(), 0, 0, 0);
        }
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

    private static String field(String json, String name) {
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
