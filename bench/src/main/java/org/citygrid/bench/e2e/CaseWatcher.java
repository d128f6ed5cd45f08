package org.citygrid.bench.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.citygrid.contracts.topics.TopicCatalogue;

/**
 * Watches {@code grid.case-events} and {@code grid.notifications} as any outside reader would (a plain consumer,
 * read_committed, no group) and notes when each thing became visible there, on this JVM's clock:
 * <ul>
 *   <li>the case each sensor raise opened: its {@code Reported} event carries command id
 *       {@code intake:<intakeId>} (docs/cloud-backend.md, <i>Time</i>); a raise that joined another open case is a
 *       {@code DuplicateMerged} with that command id instead;</li>
 *   <li>the case's {@code Dispatched} event;</li>
 *   <li>its {@code TASK_ASSIGNED} intent, and the first intent of any kind;</li>
 *   <li>a {@code REPORT_TO_FILE} intent: the case's category does not trust sensors to file it
 *       (docs/cloud-backend.md, <i>Filing</i>), so it waits for the supervision desk and is not dispatched.</li>
 * </ul>
 * The times are when this consumer got the record: what a reader sees, commit included.
 */
final class CaseWatcher implements AutoCloseable {
    static final String CASE_EVENTS = TopicCatalogue.CASE_EVENTS.name();
    static final String NOTIFICATIONS = TopicCatalogue.NOTIFICATIONS.name();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final Map<String, String> caseByIntake = new ConcurrentHashMap<>();
    private final Map<String, Boolean> mergedIntake = new ConcurrentHashMap<>();
    private final Map<String, Long> dispatchedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> taskAssignedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> firstIntentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> reportToFileAt = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    CaseWatcher(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // the case cycle writes in transactions
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(CASE_EVENTS, NOTIFICATIONS)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions); // no group: everything from the start of this run's fresh topics
        consumer.seekToBeginning(partitions);
        thread = Thread.ofPlatform().daemon().name("bench-case-watcher").start(this::loop);
    }

    private void loop() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(200));
                long now = System.nanoTime();
                for (ConsumerRecord<String, String> r : records) {
                    JsonNode value = read(r.value());
                    if (r.topic().equals(CASE_EVENTS)) {
                        event(value, now);
                    } else {
                        intent(value, now);
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll
        } finally {
            consumer.close();
        }
    }

    private void event(JsonNode event, long now) {
        String caseId = event.path("caseId").asText();
        String type = event.path("change").path("type").asText();
        String command = event.path("commandId").asText();
        switch (type) {
            case "Reported" -> {
                if (command.startsWith("intake:")) {
                    caseByIntake.put(command.substring("intake:".length()), caseId);
                }
            }
            case "DuplicateMerged" -> {
                if (command.startsWith("intake:")) {
                    mergedIntake.put(command.substring("intake:".length()), true);
                }
            }
            case "Dispatched" -> dispatchedAt.putIfAbsent(caseId, now);
            default -> {
            }
        }
    }

    /** A notification: v2 names each recipient's {@code what}, v1 (while still written) one at the top. */
    private void intent(JsonNode intent, long now) {
        String caseId = intent.path("caseId").asText();
        firstIntentAt.putIfAbsent(caseId, now);
        List<String> whats = new ArrayList<>();
        if (intent.has("recipients")) {
            intent.path("recipients").forEach(r -> whats.add(r.path("what").asText()));
        } else {
            whats.add(intent.path("what").asText());
        }
        for (String what : whats) {
            switch (what) {
                case "TASK_ASSIGNED" -> taskAssignedAt.putIfAbsent(caseId, now);
                case "REPORT_TO_FILE" -> reportToFileAt.putIfAbsent(caseId, now);
                default -> {
                }
            }
        }
    }

    /** What became of one raise so far. */
    record Outcome(String caseId, boolean merged, Long dispatchedNanos, Long intentNanos, boolean taskAssigned,
                   boolean toFile) {
        /**
         * Nothing more to wait for: merged into another case, dispatched with its TASK_ASSIGNED out, or waiting for
         * a person to file it.
         */
        boolean settled() {
            return merged || toFile || (dispatchedNanos != null && taskAssigned);
        }
    }

    Outcome outcome(String intakeId) {
        if (mergedIntake.containsKey(intakeId)) {
            return new Outcome(null, true, null, null, false, false);
        }
        String caseId = caseByIntake.get(intakeId);
        if (caseId == null) {
            return new Outcome(null, false, null, null, false, false);
        }
        Long assigned = taskAssignedAt.get(caseId);
        // TASK_ASSIGNED goes to the handler or, without one, the department: a dispatched case always has one;
        // the first intent of any kind stands in only for a case that never got it
        Long intent = assigned != null ? assigned : firstIntentAt.get(caseId);
        return new Outcome(caseId, false, dispatchedAt.get(caseId), intent, assigned != null,
                reportToFileAt.containsKey(caseId) && !dispatchedAt.containsKey(caseId));
    }

    /** Cases opened from intake so far (every case the benchmark makes stays open). */
    int casesOpened() {
        return caseByIntake.size();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
