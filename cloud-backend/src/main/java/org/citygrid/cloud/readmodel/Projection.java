package org.citygrid.cloud.readmodel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.citygrid.cloud.metrics.CaseCycleMetrics;
import org.citygrid.contracts.deadletters.DeadLetter;
import org.citygrid.contracts.topics.TopicCatalogue;
import org.citygrid.contracts.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects the case cycle's topics into the PostGIS read model: its own consumer, at-least-once.
 * Each poll is one database transaction; offsets are committed only after it commits, so a crash
 * in between replays the batch, and the idempotent writes (see docs/read-model.md) make the replay
 * harmless. It reads committed records only: the Streams application writes in transactions, and
 * an aborted transaction's records must never reach the read model.
 *
 * <p>Two kinds of failure, two answers. The database away (a connection that fails, a server that
 * shuts down, anything but a refusal of the data) is waited for: the batch is written again every
 * {@link #RETRY} until it goes in, and nothing is lost. A record the database refuses (a constraint,
 * a value out of range) or that cannot be read is the record's own problem: the batch is then written
 * one record at a time, each record is tried {@link #MAX_ATTEMPTS} times, and one that still fails is
 * set aside on {@code grid.dead-letters} with the reason, so every record after it reaches the read
 * model. Text holding U+0000, which PostgreSQL cannot store, is projected without it ({@link NulFree}).
 */
public final class Projection implements Runnable, AutoCloseable {

    /** What the projection is doing, for the health endpoint. */
    public enum State {
        /** Reading and writing. */
        RUNNING,
        /** Waiting for the database, which is away: nothing is lost, it goes on by itself. */
        WAITING,
        /** Its thread has ended. */
        STOPPED
    }

    /** The consumer group's name in dead letters. */
    static final String CONSUMER = "readmodel";
    static final int MAX_ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(Projection.class);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Duration SINGLE_RETRY = Duration.ofMillis(200);

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final ReadModelDatabase database;
    private final ReadModelWriter writer;
    private final CaseCycleMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private final AtomicReference<String> waitingFor = new AtomicReference<>();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final AtomicLong lag = new AtomicLong();
    private final Counter projected;
    private final Counter waits;
    private final Topics topics;
    private Connection connection;

    public Projection(ProjectionSettings settings, ReadModelDatabase database, CaseCycleMetrics metrics) {
        this.topics = settings.topics();
        Map<String, Object> props = new LinkedHashMap<>(settings.consumer());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batch());
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> producer = new LinkedHashMap<>(settings.producer());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.deadLetters = new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer());
        this.database = database;
        this.writer = new ReadModelWriter(topics);
        this.metrics = metrics;
        this.projected = Counter.builder("citygrid.cloud.projection.records")
                .description("records the projection read and wrote (or skipped, or set aside)").register(metrics.registry());
        this.waits = Counter.builder("citygrid.cloud.projection.waits")
                .description("batches written again because the database was away").register(metrics.registry());
        Gauge.builder("citygrid.cloud.projection.lag", lag, AtomicLong::get).baseUnit("records")
                .description("records on the projected topics not yet in the read model").register(metrics.registry());
    }

    public State state() {
        return state.get();
    }

    /** While {@link State#WAITING}: what the database answered. */
    public String waitingFor() {
        return waitingFor.get();
    }

    /** Once {@link State#STOPPED} on an error rather than by {@link #close}: the error; else null. */
    public String failure() {
        return failure.get();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topics.caseEvents(), topics.cases(), topics.intake(), topics.indicators()));
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                measureLag();
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    project(records);
                    consumer.commitSync();
                    projected.increment(records.count());
                    if (state.getAndSet(State.RUNNING) == State.WAITING) {
                        LOG.info("event=database-back the read model is written again");
                    }
                    waitingFor.set(null);
                } catch (DatabaseAway e) {
                    waits.increment();
                    state.set(State.WAITING);
                    waitingFor.set(e.getMessage());
                    LOG.warn("read model write failed, retrying the batch in {}: {}", RETRY, e.getMessage());
                    closeConnection();
                    rewind(records);
                    sleep(RETRY);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (RuntimeException e) {
            failure.set(e.toString());
            LOG.error("event=projection-stopped the read-model projection stopped on an error", e);
            throw e;
        } finally {
            state.set(State.STOPPED);
            closeConnection();
            // a static member stays in the group on a plain close; a clean stop hands its partitions over now
            consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            deadLetters.close(Duration.ofSeconds(5));
            stopped.countDown();
        }
    }

    /** The batch in one transaction; when one of its records is refused, record by record. */
    private void project(ConsumerRecords<String, byte[]> records) throws DatabaseAway {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        records.forEach(all::add);
        try {
            writer.write(connection(), all);
            return;
        } catch (SQLException e) {
            if (DatabaseAway.isAway(e)) {
                throw new DatabaseAway(e);
            }
            LOG.warn("the read model refused a record of a batch of {}, writing them one by one: {}", all.size(),
                    ReadModelWriter.describe(e));
        } catch (RuntimeException e) {
            LOG.warn("a record of a batch of {} cannot be projected, writing them one by one: {}", all.size(), e.toString());
        }
        for (ConsumerRecord<String, byte[]> r : all) {
            projectOne(r);
        }
    }

    private void projectOne(ConsumerRecord<String, byte[]> r) throws DatabaseAway {
        String reason = null;
        String kind = "refused-by-database";
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                writer.write(connection(), List.of(r));
                return;
            } catch (SQLException e) {
                if (DatabaseAway.isAway(e)) {
                    throw new DatabaseAway(e);
                }
                reason = "PostgreSQL refused it: " + ReadModelWriter.describe(e);
            } catch (ReadModelWriter.Unreadable e) {
                // reading the same bytes again gives the same answer
                setAside(r, "cannot read it: " + e.getMessage(), "unreadable", 1);
                return;
            } catch (RuntimeException e) {
                reason = "cannot project it: " + e;
                kind = "processing";
            }
            sleep(SINGLE_RETRY);
        }
        setAside(r, reason, kind, MAX_ATTEMPTS);
    }

    /** Writes the record's dead letter and waits for Kafka to have it; a broker away is waited for. */
    private void setAside(ConsumerRecord<String, byte[]> r, String reason, String kind, int attempts) throws DatabaseAway {
        DeadLetter letter = new DeadLetter(CONSUMER, r.topic(), r.partition(), r.offset(), r.key(), r.value(), reason,
                attempts, clock.instant());
        try {
            deadLetters.send(new ProducerRecord<>(topics.deadLetters(), letter.coordinates(),
                    TopicCatalogue.DEAD_LETTERS.write(letter))).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException | KafkaException e) {
            throw new DatabaseAway("cannot write the dead letter of " + letter.coordinates() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseAway("interrupted while writing a dead letter");
        }
        LOG.error("event=dead-letter consumer={} record={} attempts={} reason={}", CONSUMER, letter.coordinates(), attempts,
                reason);
        metrics.deadLetter(CONSUMER, kind);
    }

    private void measureLag() {
        long total = 0;
        for (TopicPartition tp : consumer.assignment()) {
            total += consumer.currentLag(tp).orElse(0);
        }
        lag.set(total);
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = database.connect();
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // going away
            }
            connection = null;
        }
    }

    /** Back to the first record of the failed batch, so it is written again. */
    private void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition tp : records.partitions()) {
            consumer.seek(tp, new OffsetAndMetadata(records.records(tp).get(0).offset()));
        }
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            // bounded: a projection whose thread never ran has nothing to wait for
            if (!stopped.await(30, TimeUnit.SECONDS)) {
                LOG.warn("the projection did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The database is away, or Kafka for the dead letters: wait and write the batch again. */
    static final class DatabaseAway extends Exception {
        DatabaseAway(SQLException e) {
            super(ReadModelWriter.describe(e), e);
        }

        DatabaseAway(String message) {
            super(message);
        }

        /**
         * Whether a failure is the database's rather than the data's: everything but a data exception
         * (SQLSTATE class 22: a value out of range, bad text) and an integrity constraint (class 23).
         */
        static boolean isAway(SQLException e) {
            for (SQLException s = e; s != null; s = s.getNextException()) {
                String state = s.getSQLState();
                if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                    return false;
                }
            }
            return true;
        }
    }
}
