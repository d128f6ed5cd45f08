package org.citygrid.bench.casecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain consumer on one topic, as any outside reader would have: read_committed (the topologies write in
 * transactions, so a record counts once it is committed), no group, every partition from the start of this run's
 * fresh topic. Each record goes to the handler with the time its poll returned.
 */
final class TopicTail implements AutoCloseable {
    /** A record and when this JVM got it ({@link System#nanoTime}). */
    interface Handler {
        void record(ConsumerRecord<String, String> record, long receivedNanos);
    }

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    TopicTail(String bootstrapServers, String topic, Handler handler) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = Thread.ofPlatform().daemon().name("bench-tail-" + topic).start(() -> loop(handler));
    }

    private void loop(Handler handler) {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(200));
                long now = System.nanoTime();
                for (ConsumerRecord<String, String> r : records) {
                    handler.record(r, now);
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
