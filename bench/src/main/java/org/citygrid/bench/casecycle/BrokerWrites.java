package org.citygrid.bench.casecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import org.citygrid.demo.DemoException;

/**
 * What the broker was given to write between two moments, per topic: from the end offsets of every partition of
 * every topic (changelogs and repartition topics included), read before and after.
 *
 * <p>An offset is not always a record: a transaction's commit (or abort) appends a control marker to every partition
 * it wrote to, and the marker takes an offset. So the offsets in between are read back (read_uncommitted, which
 * returns data records, aborted ones included, and never a marker) and counted: records are the data records, and
 * markers are the offsets that are not. The broker's own topics ({@code __consumer_offsets},
 * {@code __transaction_state}) are given as offsets only: their count follows the commits, not the reports.
 */
final class BrokerWrites implements AutoCloseable {
    private static final Duration READ_LIMIT = Duration.ofSeconds(120);

    private final String bootstrapServers;
    private final Admin admin;

    BrokerWrites(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(props);
    }

    /** Every partition's end offset at one moment. */
    record Ends(Map<TopicPartition, Long> offsets) {
    }

    /**
     * What one topic was given to write.
     *
     * @param offsets the end offsets' growth, summed over the topic's partitions
     * @param records data records among those offsets; -1 for the broker's own topics, which are not read
     * @param unread  offsets that could not be read back (deleted before they were read); 0 normally
     */
    record TopicWrites(String topic, long offsets, long records, long unread) {
        boolean internal() {
            return topic.startsWith("__");
        }

        /** Control markers: the offsets that are no data record. */
        long markers() {
            return records < 0 ? 0 : offsets - records - unread;
        }
    }

    Ends ends() {
        try {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get().values()) {
                d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> offsets.put(tp, info.offset()));
            return new Ends(offsets);
        } catch (ExecutionException e) {
            throw new DemoException("cannot read the broker's end offsets: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted while reading the broker's end offsets", e);
        }
    }

    /** What each topic that grew between {@code before} and {@code after} was given, by topic name. */
    Map<String, TopicWrites> between(Ends before, Ends after) {
        Map<TopicPartition, long[]> ranges = new HashMap<>();
        after.offsets().forEach((tp, end) -> {
            long start = before.offsets().getOrDefault(tp, 0L);
            if (end > start) {
                ranges.put(tp, new long[] {start, end});
            }
        });
        Map<TopicPartition, long[]> counted = count(ranges.entrySet().stream()
                .filter(e -> !e.getKey().topic().startsWith("__"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        Map<String, TopicWrites> byTopic = new TreeMap<>();
        ranges.forEach((tp, range) -> {
            long offsets = range[1] - range[0];
            long[] c = counted.get(tp);
            long records = c == null ? -1 : c[0];
            long unread = c == null ? 0 : c[1];
            byTopic.merge(tp.topic(), new TopicWrites(tp.topic(), offsets, records, unread), (a, b) ->
                    new TopicWrites(a.topic(), a.offsets() + b.offsets(),
                            a.records() < 0 ? -1 : a.records() + b.records(), a.unread() + b.unread()));
        });
        return byTopic;
    }

    /** Per partition: data records in [start, end), and the offsets before the log's start that were gone. */
    private Map<TopicPartition, long[]> count(Map<TopicPartition, long[]> ranges) {
        Map<TopicPartition, long[]> counts = new HashMap<>();
        if (ranges.isEmpty()) {
            return counts;
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>(ranges.keySet());
            consumer.assign(partitions);
            Map<TopicPartition, Long> logStart = consumer.beginningOffsets(partitions);
            for (TopicPartition tp : partitions) {
                long[] range = ranges.get(tp);
                long from = Math.max(range[0], logStart.getOrDefault(tp, 0L));
                counts.put(tp, new long[] {0, Math.min(from, range[1]) - range[0]});
                consumer.seek(tp, Math.min(from, range[1]));
            }
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            List<TopicPartition> open = new ArrayList<>(partitions);
            open.removeIf(tp -> consumer.position(tp) >= ranges.get(tp)[1]);
            while (!open.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new DemoException("the records written could not be read back within "
                            + READ_LIMIT.toSeconds() + " s (" + open.size() + " partitions left)");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() < ranges.get(tp)[1]) {
                        counts.get(tp)[0]++;
                    }
                }
                List<TopicPartition> done = open.stream().filter(tp -> consumer.position(tp) >= ranges.get(tp)[1]).toList();
                consumer.pause(done); // what comes after the range is not ours to read
                open.removeAll(done);
            }
        }
        return counts;
    }

    @Override
    public void close() {
        admin.close();
    }
}
