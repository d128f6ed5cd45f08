package org.citygrid.api.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One topic read on a thread of its own, each record handed to a handler. Two ways to read:
 * <ul>
 *   <li>{@link #inGroup}: in a consumer group shared by every API instance, so each record is
 *       handled once across them; offsets are committed after the handler has run
 *       (at-least-once: handlers must tolerate a repeat);</li>
 *   <li>{@link #everyPartition}: every partition, by this instance alone, nothing committed; for
 *       what each instance must see itself, such as its operators' live stream.</li>
 * </ul>
 * Only committed records are read: the case cycle writes with transactions, and an aborted
 * record must never reach a phone or a screen.
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);

    private final String threadName;
    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<ConsumerRecord<String, byte[]>> handler;
    private final String group;
    private final boolean fromStart;
    private volatile boolean running = true;
    private Thread thread;

    private TopicReader(String threadName, KafkaConnection kafka, String topic, String group, String offsetReset,
                        Consumer<ConsumerRecord<String, byte[]>> handler) {
        this.threadName = threadName;
        this.topic = topic;
        this.group = group;
        this.fromStart = "earliest".equals(offsetReset);
        this.handler = handler;
        Map<String, Object> config = new HashMap<>(kafka.client());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, offsetReset);
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * @param offsetReset where a group without committed offsets starts: {@code earliest} or {@code latest}
     */
    public static TopicReader inGroup(String threadName, KafkaConnection kafka, String topic, String group,
                                      String offsetReset, Consumer<ConsumerRecord<String, byte[]>> handler) {
        return new TopicReader(threadName, kafka, topic, group, offsetReset, handler);
    }

    /** @param start {@code earliest} to read the whole topic, anything else to read from its end */
    public static TopicReader everyPartition(String threadName, KafkaConnection kafka, String topic, String start,
                                             Consumer<ConsumerRecord<String, byte[]>> handler) {
        return new TopicReader(threadName, kafka, topic, null, "earliest".equals(start) ? "earliest" : "latest", handler);
    }

    /** Joins the group or takes the partitions there are now (later ones at the next start), then reads. */
    public synchronized void start() {
        if (group != null) {
            consumer.subscribe(List.of(topic));
        } else {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            if (fromStart) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
        }
        thread = Thread.ofPlatform().name(threadName).daemon().start(this::run);
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                records.forEach(handler);
                if (group != null && !records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        if (thread == null) {
            consumer.close();
            return;
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
