package org.citygrid.api.kafka;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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
import org.citygrid.contracts.deadletters.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One topic read on a thread of its own, each record handed to a handler. Two ways to read:
 * <ul>
 *   <li>in a consumer group shared by every API instance ({@link TopicReaders#inGroup}), so each record is
 *       handled once across them; offsets are committed after the handler has run (at-least-once: handlers
 *       must tolerate a repeat);</li>
 *   <li>every partition, by this instance alone, nothing committed ({@link TopicReaders#everyPartition});
 *       for what each instance must see itself, such as its operators' live stream.</li>
 * </ul>
 * Only committed records are read: the case cycle writes with transactions, and an aborted record must
 * never reach a phone or a screen.
 *
 * <p>A handler that fails gets the same record again after a pause, and the records after it wait, in
 * order. How long depends on why ({@link ReaderFailures}): the database or the broker away is waited out
 * however long it lasts (ending the thread would stop pushes and rejections for good while the instance
 * still answered healthy); a failure of the record's own is tried {@link ReaderRetries#maxAttempts} times
 * in all, and a record its handler calls {@link UnreadableRecord} once. Then the record is set aside as a
 * dead letter (topic, partition, offset, key, bytes, reason, attempts, time: grid-contracts'
 * {@link DeadLetter}) and the reader goes on with the next one: one poison record no longer stops the
 * reader. The record is passed only once the dead letter is durable; while it cannot be written, the
 * reader waits as for any outage.
 *
 * <p>{@link #state()} says whether the thread runs, waits out an outage, or died on something no handler
 * should throw (an {@link Error}, a consumer that cannot read at all): what mobile-api's health shows.
 */
public final class TopicReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);
    private static final java.time.Duration POLL = java.time.Duration.ofMillis(500);
    /** Longest reason kept in a dead letter: an exception message can quote a whole record. */
    private static final int MAX_REASON = 2000;

    /** Where the reader's thread is. */
    public enum State {
        /** Made, not started. */
        NEW,
        /** Reading and handling. */
        RUNNING,
        /** Waiting out a failure of the database or the broker; it carries on when they answer. */
        WAITING,
        /** Closed. */
        STOPPED,
        /** Its thread ended on an unexpected failure: nothing more is read until the instance restarts. */
        DIED
    }

    private final String name;
    private final String consumerName;
    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<ConsumerRecord<String, byte[]>> handler;
    private final String group;
    private final boolean fromStart;
    private final ReaderRetries retries;
    private final DeadLetterShelf shelf;
    private final Clock clock;
    private final AtomicLong setAside = new AtomicLong();
    private volatile boolean running = true;
    private volatile State state = State.NEW;
    private volatile String problem;
    private Thread thread;
    /** The record failing for its own reasons now, and how often it has failed (reader thread only). */
    private Failing failing;

    private record Failing(String topic, int partition, long offset, int attempts) {

        boolean is(ConsumerRecord<?, ?> r) {
            return topic.equals(r.topic()) && partition == r.partition() && offset == r.offset();
        }
    }

    /**
     * @param consumerName who gives up on a record, as dead letters name it: the group, or the instance's reader
     * @param offsetReset  where a group without committed offsets starts ({@code earliest} or {@code latest}); for
     *                     a reader of every partition, where it starts each time
     */
    TopicReader(String name, String consumerName, KafkaConnection kafka, String topic, String group, String offsetReset,
                Consumer<ConsumerRecord<String, byte[]>> handler, ReaderRetries retries, DeadLetterShelf shelf,
                Clock clock) {
        this.name = name;
        this.consumerName = consumerName;
        this.topic = topic;
        this.group = group;
        this.fromStart = "earliest".equals(offsetReset);
        this.handler = handler;
        this.retries = retries;
        this.shelf = shelf;
        this.clock = clock;
        Map<String, Object> config = new HashMap<>(kafka.client());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromStart ? "earliest" : "latest");
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
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
        state = State.RUNNING;
        thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /** The reader's name (its thread's). */
    public String name() {
        return name;
    }

    /** Who gives up on a record, as its dead letters name it. */
    public String consumerName() {
        return consumerName;
    }

    public String topic() {
        return topic;
    }

    public State state() {
        return state;
    }

    /** What went wrong last: the outage waited out, or why the thread died; null when nothing did. */
    public String problem() {
        return problem;
    }

    /** Records this reader set aside since it started. */
    public long setAside() {
        return setAside.get();
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (handleAll(records) && group != null && !records.isEmpty()) {
                    commit();
                }
            }
            state = State.STOPPED;
        } catch (WakeupException e) {
            state = State.STOPPED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = State.STOPPED;
        } catch (Throwable e) {
            // an Error out of a handler, or a consumer that cannot read at all (authorisation, a fenced group)
            problem = e.toString();
            state = running ? State.DIED : State.STOPPED;
            LOG.error("{}: stopped reading {}: {}", name, topic, e.toString(), e);
        } finally {
            consumer.close();
        }
    }

    /** Hands each record over in order; on a failure, rewinds to the first record not handled and pauses. */
    private boolean handleAll(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        Map<TopicPartition, Long> handledUpTo = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!handle(record)) {
                    rewind(records, handledUpTo);
                    Thread.sleep(retries.pause().toMillis());
                    return false;
                }
                handledUpTo.put(partition, record.offset() + 1);
            }
        }
        return true;
    }

    /** @return whether the reader may go on past {@code record}: handled, or set aside */
    private boolean handle(ConsumerRecord<String, byte[]> record) {
        try {
            handler.accept(record);
            failing = null;
            if (state == State.WAITING) {
                state = State.RUNNING;
            }
            return true;
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            if (ReaderFailures.isTransient(e)) {
                waiting("handling " + coordinates(record) + " failed for now, trying it again in " + retries.pause(), e);
                return false;
            }
            int attempts = failing != null && failing.is(record) ? failing.attempts() + 1 : 1;
            if (!(e instanceof UnreadableRecord) && attempts < retries.maxAttempts()) {
                failing = new Failing(record.topic(), record.partition(), record.offset(), attempts);
                LOG.warn("{}: handling {} failed (attempt {} of {}), trying it again in {}: {}", name, coordinates(record),
                        attempts, retries.maxAttempts(), retries.pause(), e.toString());
                return false;
            }
            return setAside(record, e, attempts);
        }
    }

    private boolean setAside(ConsumerRecord<String, byte[]> record, RuntimeException cause, int attempts) {
        DeadLetter letter = new DeadLetter(consumerName, record.topic(), record.partition(), record.offset(), record.key(),
                record.value(), reason(cause), attempts, clock.instant());
        try {
            shelf.setAside(letter);
        } catch (RuntimeException e) {
            // keep the attempts: once the shelf answers, the record goes there without more tries
            failing = new Failing(record.topic(), record.partition(), record.offset(), attempts);
            waiting("cannot set " + coordinates(record) + " aside yet, trying again in " + retries.pause(), e);
            return false;
        }
        failing = null;
        setAside.incrementAndGet();
        LOG.error("{}: set {} aside as a dead letter after {} attempt(s): {}", name, coordinates(record), attempts,
                letter.reason());
        return true;
    }

    private void waiting(String what, RuntimeException e) {
        state = State.WAITING;
        problem = what + ": " + e;
        LOG.warn("{}: {}: {}", name, what, e.toString());
    }

    private static String reason(RuntimeException e) {
        String reason = e instanceof UnreadableRecord ? "unreadable: " + e.getMessage() : e.toString();
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…";
    }

    private static String coordinates(ConsumerRecord<?, ?> r) {
        return r.topic() + "/" + r.partition() + "/" + r.offset();
    }

    private void rewind(ConsumerRecords<String, byte[]> records, Map<TopicPartition, Long> handledUpTo) {
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
            long next = handledUpTo.getOrDefault(partition, batch.get(0).offset());
            if (next <= batch.get(batch.size() - 1).offset()) {
                consumer.seek(partition, next);
            }
        }
    }

    private void commit() {
        try {
            consumer.commitSync();
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // the group moved the partitions on (a rebalance): their new owner reads from the last commit,
            // and the handlers take a repeat
            LOG.warn("{}: could not commit the offsets of {}: {}", name, topic, e.toString());
        }
    }

    @Override
    public String toString() {
        return name + "[" + topic + ", " + state + (problem == null ? "" : ", " + problem) + "]";
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        if (thread == null) {
            state = State.STOPPED;
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
