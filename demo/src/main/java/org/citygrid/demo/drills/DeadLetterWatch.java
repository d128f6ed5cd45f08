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
import org.citygrid.contracts.topics.TopicCatalogue;

/**
 * {@code grid.dead-letters} read from the start, as an operator's tool would: every record a consumer set aside, by
 * the coordinates of the record it set aside ({@link DeadLetter#coordinates()}). One record may be set aside by more
 * than one consumer (grid.case-events has the projection and mobile-api's push reader).
 */
final class DeadLetterWatch implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, List<DeadLetter>> byCoordinates = new HashMap<>();
    private int unreadable;

    DeadLetterWatch(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // the case cycle's come in transactions
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        String topic = TopicCatalogue.DEAD_LETTERS.name();
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions); // no group: every record from the start, nothing committed
        consumer.seekToBeginning(partitions);
    }

    /** Reads what is new; then the dead letters of the record at these coordinates, if any. */
    List<DeadLetter> of(String coordinates) {
        poll();
        return List.copyOf(byCoordinates.getOrDefault(coordinates, List.of()));
    }

    /** Every dead letter read so far. */
    int total() {
        poll();
        return byCoordinates.values().stream().mapToInt(List::size).sum();
    }

    /** Records on grid.dead-letters that are not a dead letter v1 (none, if every consumer keeps the contract). */
    int unreadable() {
        return unreadable;
    }

    private void poll() {
        while (true) {
            var records = consumer.poll(Duration.ofMillis(200));
            for (ConsumerRecord<String, byte[]> r : records) {
                try {
                    DeadLetter letter = TopicCatalogue.DEAD_LETTERS.read(r.value());
                    byCoordinates.computeIfAbsent(letter.coordinates(), k -> new ArrayList<>()).add(letter);
                } catch (RuntimeException e) {
                    unreadable++;
                }
            }
            if (records.isEmpty()) {
                return;
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
