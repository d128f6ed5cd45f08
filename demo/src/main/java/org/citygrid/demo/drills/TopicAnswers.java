package org.citygrid.demo.drills;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.citygrid.contracts.deadletters.DeadLetter;
import org.citygrid.contracts.topics.Topic;
import org.citygrid.contracts.topics.TopicCatalogue;
import org.citygrid.model.cases.CommandRejected;
import org.citygrid.model.intake.IntakeRejection;

/**
 * How the consumers answered records produced straight onto their topics, read from the start as an operator's
 * tool would: a dead letter on {@code grid.dead-letters}, by the coordinates of the record set aside
 * ({@link DeadLetter#coordinates()}); or the case cycle's documented refusal of an intake record or a command it
 * cannot read, {@code MALFORMED} on {@code grid.intake-rejections} or {@code INVALID_VALUE} on
 * {@code grid.command-rejections}, found by the produced record's key (a broken record's id falls back to its key,
 * docs/cloud-backend.md). One record may have more than one answer (grid.case-events has the projection and
 * mobile-api's push reader).
 */
final class TopicAnswers implements AutoCloseable {

    /**
     * One answer: where it was written, by whom and why.
     *
     * @param where  {@code grid.dead-letters}, {@code grid.intake-rejections} or {@code grid.command-rejections}
     * @param by     the consumer that set it aside, or {@code case-cycle} for a refusal
     * @param reason the dead letter's reason, or the refusal's reason and message
     */
    record Answer(String where, String by, String reason) {
    }

    private static final String DEAD_LETTERS = TopicCatalogue.DEAD_LETTERS.name();
    private static final String INTAKE_REJECTIONS = TopicCatalogue.INTAKE_REJECTIONS.name();

    private final KafkaConsumer<String, byte[]> consumer;
    /** By the coordinates of the record set aside, or by the key of the record refused. */
    private final Map<String, List<Answer>> answers = new HashMap<>();
    /** Dead letters of records the drill did not produce: the case cycle's refusals, set aside by a reader. */
    private final List<DeadLetter> others = new ArrayList<>();

    TopicAnswers(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // the case cycle writes in transactions
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic<?, ?> topic : List.of(TopicCatalogue.DEAD_LETTERS, TopicCatalogue.INTAKE_REJECTIONS,
                TopicCatalogue.COMMAND_REJECTIONS)) {
            consumer.partitionsFor(topic.name(), Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
        }
        consumer.assign(partitions); // no group: every record from the start, nothing committed
        consumer.seekToBeginning(partitions);
    }

    /** Reads what is new; then the answers to the record produced at these coordinates with this key. */
    List<Answer> of(String coordinates, String key) {
        poll();
        List<Answer> found = new ArrayList<>(answers.getOrDefault(coordinates, List.of()));
        found.addAll(answers.getOrDefault(key, List.of()));
        return found;
    }

    /** Dead letters of records the drill did not produce itself, e.g. a refusal a reader could not handle. */
    List<DeadLetter> others(java.util.Set<String> producedCoordinates) {
        poll();
        return others.stream().filter(d -> !producedCoordinates.contains(d.coordinates())).toList();
    }

    private void poll() {
        while (true) {
            var records = consumer.poll(Duration.ofMillis(200));
            for (ConsumerRecord<String, byte[]> r : records) {
                if (r.value() != null) {
                    read(r);
                }
            }
            if (records.isEmpty()) {
                return;
            }
        }
    }

    private void read(ConsumerRecord<String, byte[]> r) {
        try {
            if (r.topic().equals(DEAD_LETTERS)) {
                DeadLetter letter = TopicCatalogue.DEAD_LETTERS.read(r.value());
                answers.computeIfAbsent(letter.coordinates(), k -> new ArrayList<>())
                        .add(new Answer(DEAD_LETTERS, letter.consumer(), letter.reason()));
                others.add(letter);
            } else if (r.topic().equals(INTAKE_REJECTIONS)) {
                IntakeRejection rejection = TopicCatalogue.INTAKE_REJECTIONS.read(r.value());
                answers.computeIfAbsent(rejection.intakeId(), k -> new ArrayList<>()).add(new Answer(r.topic(),
                        "case-cycle", rejection.reason() + ": " + rejection.message()));
            } else {
                CommandRejected rejection = TopicCatalogue.COMMAND_REJECTIONS.read(r.value());
                answers.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(new Answer(r.topic(), "case-cycle",
                        rejection.reason() + ": " + rejection.message()));
            }
        } catch (RuntimeException unreadable) {
            // not the drill's to judge here: an unreadable record on these topics is no answer to anything
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
