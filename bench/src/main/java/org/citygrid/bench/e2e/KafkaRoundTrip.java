package org.citygrid.bench.e2e;

import org.citygrid.bench.measure.Percentiles;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.citygrid.demo.Schedule;

/**
 * Paced round trips through the broker: a producer (acks=all, idempotent, as the edge node's forwarder) writes
 * numbered records to one topic, a read_committed consumer reads them back from another (or the same), and the
 * time from send to read is one sample. With the same topic in and out this is the bare Kafka baseline; with a
 * topology in between it is the pass-through baseline.
 */
final class KafkaRoundTrip {
    private KafkaRoundTrip() {
    }

    static Percentiles measure(String bootstrapServers, String inTopic, String outTopic, double rate, Duration length)
            throws InterruptedException {
        ConcurrentMap<Long, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        long expected = Math.max(1, Math.round(rate * length.toSeconds()));
        try (KafkaConsumer<Long, byte[]> consumer = consumer(bootstrapServers);
             KafkaProducer<Long, byte[]> producer = producer(bootstrapServers)) {
            List<TopicPartition> partitions = consumer.partitionsFor(outTopic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(outTopic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before anything is sent
            Thread sender = Thread.ofPlatform().daemon().name("bench-roundtrip-producer").start(() -> {
                long period = Math.round(1e9 / rate);
                long start = System.nanoTime();
                for (long i = 0; i < expected; i++) {
                    try {
                        Schedule.sleepUntil(start + i * period);
                    } catch (InterruptedException e) {
                        return;
                    }
                    sentAt.put(i, System.nanoTime());
                    producer.send(new ProducerRecord<>(inTopic, i, ByteBuffer.allocate(64).array()));
                }
                producer.flush();
            });
            long deadline = System.nanoTime() + length.toNanos() + Duration.ofSeconds(60).toNanos();
            while (latencies.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<Long, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    Long sent = sentAt.remove(r.key());
                    if (sent != null) {
                        latencies.add(now - sent);
                    }
                }
            }
            sender.join();
        }
        return Percentiles.ofNanos(latencies);
    }

    private static KafkaProducer<Long, byte[]> producer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(props, new LongSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<Long, byte[]> consumer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new LongDeserializer(), new ByteArrayDeserializer());
    }
}
