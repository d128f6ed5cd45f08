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
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>A handler that throws (the database away for a minute) gets the same record again after a pause,
 * until it goes through; the records after it wait, in order. Ending the thread instead would stop
 * pushes and rejections for good while the instance still answered healthy.
 */
public final class TopicReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final String threadName;
    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<ConsumerRecord<String, byte[]>> handler;
    private final String group;
    private final boolean fromStart;
    private final Duration retryAfter;
    private volatile boolean running = true;
    private Thread thread;

    private TopicReader(String threadName, KafkaConnection kafka, String topic, String group, String offsetReset,
                        Consumer<ConsumerRecord<String, byte[]>> handler, Duration retryAfter) {
        this.threadName = threadName;
        this.retryAfter = retryAfter;
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
        return new TopicReader(threadName, kafka, topic, group, offsetReset, handler, RETRY_AFTER);
    }

    /** As {@link #inGroup}, with the pause before a failed record is handed over again. */
    static TopicReader inGroup(String threadName, KafkaConnection kafka, String topic, String group,
                               String offsetReset, Consumer<ConsumerRecord<String, byte[]>> handler, Duration retryAfter) {
        return new TopicReader(threadName, kafka, topic, group, offsetReset, handler, retryAfter);
    }

    /** @param start {@code earliest} to read the whole topic, anything else to read from its end */
    public static TopicReader everyPartition(String threadName, KafkaConnection kafka, String topic, String start,
                                             Consumer<ConsumerRecord<String, byte[]>> handler) {
        return new TopicReader(threadName, kafka, topic, null, "earliest".equals(start) ? "earliest" : "latest", handler,
                RETRY_AFTER);
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
                if (handleAll(records) && group != null && !records.isEmpty()) {
                    commit();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
        }
    }

    /** Hands each record over in order; on a failure, rewinds to the first record not handled and pauses. */
    private boolean handleAll(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        Map<TopicPartition, Long> handledUpTo = new HashMap<>();
        try {
            for (TopicPartition partition : records.partitions()) {
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    handler.accept(record);
                    handledUpTo.put(partition, record.offset() + 1);
                }
            }
            return true;
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            for (TopicPartition partition : records.partitions()) {
                List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
                long next = handledUpTo.getOrDefault(partition, batch.get(0).offset());
                if (next <= batch.get(batch.size() - 1).offset()) {
                    consumer.seek(partition, next);
                }
            }
            LOG.warn("{}: handling a record of {} failed, trying it again in {}: {}", threadName, topic, retryAfter,
                    e.toString());
            Thread.sleep(retryAfter.toMillis());
            return false;
        }
    }

    private void commit() {
        try {
            consumer.commitSync();
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // the group moved the partitions on (a rebalance): their new owner reads from the last commit,
            // and the push and rejection handlers take a repeat
            LOG.warn("{}: could not commit the offsets of {}: {}", threadName, topic, e.toString());
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
