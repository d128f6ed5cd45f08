package org.citygrid.cloud.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.citygrid.cloud.CaseCycleSettings;
import org.citygrid.contracts.indicators.DailyTally;
import org.citygrid.contracts.topics.TopicCatalogue;
import org.citygrid.contracts.topics.Topics;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.cases.CaseSnapshot;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.intake.IntakeRecord;
import org.citygrid.model.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects the case cycle's topics into the PostGIS read model: its own consumer, at-least-once.
 * Each poll is one database transaction; offsets are committed only after it commits, so a crash
 * in between replays the batch, and the idempotent writes (see docs/read-model.md) make the replay
 * harmless. It reads committed records only: the Streams application writes in transactions, and
 * an aborted transaction's records must never reach the read model.
 */
public final class Projection implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Projection.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final KafkaConsumer<String, byte[]> consumer;
    private final ReadModelDatabase database;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Topics topics;
    private Connection connection;

    public Projection(CaseCycleSettings settings, ReadModelDatabase database) {
        this.topics = settings.topics();
        Properties props = new Properties();
        props.putAll(settings.kafkaClient());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.projectionGroup());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.projectionBatch());
        // as the case cycle's: a killed instance restarted under its id must not leave its projection standing
        // behind its dead self's session while the case cycle is already going
        props.putAll(settings.groupMembership("-projection"));
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.database = database;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topics.caseEvents(), topics.cases(), topics.intake(), topics.indicators()));
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    write(records);
                    consumer.commitSync();
                } catch (SQLException e) {
                    LOG.warn("read model write failed, retrying the batch in {}: {}", RETRY, e.getMessage());
                    closeConnection();
                    rewind(records);
                    sleep();
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            closeConnection();
            // a static member stays in the group on a plain close; a clean stop hands its partitions over now
            consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            stopped.countDown();
        }
    }

    /** One batch in one transaction: intake first, so events can point sensors at their cases. */
    private void write(ConsumerRecords<String, byte[]> records) throws SQLException {
        List<IntakeRecord> alarms = new ArrayList<>();
        List<CaseEvent> events = new ArrayList<>();
        Map<String, CaseSnapshot> latest = new LinkedHashMap<>();
        Map<String, DailyTally> tallyByKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.value() == null) {
                continue;
            }
            try {
                String topic = r.topic();
                if (topic.equals(topics.intake())) {
                    IntakeRecord intake = TopicCatalogue.INTAKE.read(r.value());
                    if (intake.channel() == Channel.SENSOR && intake.alarm() != null) {
                        alarms.add(intake);
                    }
                } else if (topic.equals(topics.caseEvents())) {
                    events.add(TopicCatalogue.CASE_EVENTS.read(r.value()));
                } else if (topic.equals(topics.cases())) {
                    // several snapshots of a case in one batch: only the highest version matters
                    CaseSnapshot s = TopicCatalogue.CASES.read(r.value());
                    latest.merge(s.caseId(), s, (a, b) -> a.version() >= b.version() ? a : b);
                } else if (topic.equals(topics.indicators())) {
                    DailyTally t = TopicCatalogue.INDICATORS.read(r.value());
                    tallyByKey.merge(t.key(), t, (a, b) -> a.events() >= b.events() ? a : b);
                }
            } catch (WireFormatException | IllegalArgumentException e) {
                // bad intake is the case cycle's to reject (grid.intake-rejections); the read model skips it
                LOG.debug("skipping unreadable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            }
        }
        Connection c = connection();
        try {
            SensorRows.upsert(c, alarms);
            EventRows.insert(c, events);
            SensorRows.linkCases(c, events);
            CaseRows.upsert(c, latest.values());
            IndicatorRows.upsert(c, tallyByKey.values());
            c.commit();
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is replaced anyway
            }
            throw e;
        }
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

    private void sleep() {
        try {
            Thread.sleep(RETRY.toMillis());
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
            if (!stopped.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("the projection did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
