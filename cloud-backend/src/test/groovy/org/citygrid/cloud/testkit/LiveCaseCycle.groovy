package org.citygrid.cloud.testkit

import java.nio.file.Files
import java.sql.Connection
import java.time.Duration
import java.time.Instant
import org.apache.kafka.clients.producer.KafkaProducer
import org.apache.kafka.clients.producer.ProducerConfig
import org.apache.kafka.clients.producer.ProducerRecord
import org.apache.kafka.common.serialization.ByteArraySerializer
import org.apache.kafka.common.serialization.StringSerializer
import org.citygrid.cloud.config.CaseCycleSettings
import org.citygrid.cloud.readmodel.GridRows
import org.citygrid.cloud.readmodel.ReadModelDatabase
import org.citygrid.contracts.deadletters.DeadLetter
import org.citygrid.contracts.topics.TopicCatalogue
import org.citygrid.contracts.topics.Topics
import org.citygrid.devstack.Devstack
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseCommand
import org.citygrid.model.cases.Channel
import org.citygrid.model.geo.GeoPoint
import org.citygrid.model.intake.AlarmState
import org.citygrid.model.intake.IntakeRecord
import org.citygrid.model.intake.SensorAlarm
import org.citygrid.model.wire.WireCodec

/**
 * What the integration, crash and benchmark runs share: the devstack broker and PostGIS cluster,
 * settings for a case-cycle instance of their own (application id, database, state directory), a
 * producer for intake and commands, and queries on the read model.
 */
class LiveCaseCycle implements Closeable {

    final String name
    final CaseCycleSettings settings
    final ReadModelDatabase database
    final KafkaProducer<String, byte[]> producer
    final Topics topics
    private final Map<String, String> values
    private int sequence

    LiveCaseCycle(String name, Map<String, String> extra = [:]) {
        this.name = name
        def kafka = Devstack.sharedKafka()
        def postgis = Devstack.sharedPostgis()
        String url = postgis.createDatabase(name)
        def stateDir = Files.createTempDirectory("case-cycle-${name}")
        values = [
                CITYGRID_KAFKA_BOOTSTRAP: kafka.bootstrapServers(),
                CITYGRID_APPLICATION_ID : "citygrid-${name}".toString(),
                // each run its own topics and projection group on the shared broker
                CITYGRID_TOPIC_PREFIX   : "${name}.".toString(),
                CITYGRID_PROJECTION_GROUP: "readmodel-${name}".toString(),
                CITYGRID_STATE_DIR      : stateDir.toString(),
                CITYGRID_PARTITIONS     : '2',
                CITYGRID_SLA_INTERVAL   : 'PT1S',
                CITYGRID_INDICATOR_FLUSH: 'PT1S',
                CITYGRID_JDBC_URL       : url,
                CITYGRID_JDBC_USER      : '',
        ] + extra
        settings = CaseCycleSettings.from { values[it] }
        topics = settings.topics()
        database = new ReadModelDatabase(url, '', '')
        // the broker and client settings the case cycle under test uses, whatever the spec gave it
        producer = new KafkaProducer<>(settings.kafkaClient() + [(ProducerConfig.ACKS_CONFIG)     : 'all',
                                                                 (ProducerConfig.LINGER_MS_CONFIG): 5] as Map<String, Object>,
                new StringSerializer(), new ByteArraySerializer())
    }

    /** The CITYGRID_* environment of these settings, with some values changed: for a case cycle in a JVM of its own. */
    Map<String, String> environment(Map<String, String> changes = [:]) {
        values + changes
    }

    /** These settings with some values changed. */
    CaseCycleSettings settingsWith(Map<String, String> changes) {
        Map<String, String> changed = values + changes
        CaseCycleSettings.from { changed[it] }
    }

    /** The members of a consumer group now: by default the case cycle's, its application id. */
    Collection<org.apache.kafka.clients.admin.MemberDescription> members(String group = settings.applicationId()) {
        admin().describeConsumerGroups([group]).all().get()[group].members()
    }

    private org.apache.kafka.clients.admin.Admin admin

    private synchronized org.apache.kafka.clients.admin.Admin admin() {
        admin = admin ?: org.apache.kafka.clients.admin.Admin.create(settings.kafkaClient())
    }

    /** Whether consumer group {@code group} has committed up to the end of every partition of {@code topics}. */
    boolean caughtUp(String group, List<String> topicNames) {
        def admin = org.apache.kafka.clients.admin.Admin.create(
                [(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG): settings.bootstrapServers()] as Map<String, Object>)
        try {
            def committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
            def partitions = admin.describeTopics(topicNames).allTopicNames().get().collectMany { name, d ->
                d.partitions().collect { new org.apache.kafka.common.TopicPartition(name, it.partition()) }
            }
            def ends = admin.listOffsets(partitions.collectEntries { [(it): org.apache.kafka.clients.admin.OffsetSpec.latest()] })
                    .all().get()
            partitions.every { tp -> ends[tp].offset() == 0 || (committed[tp] != null && committed[tp].offset() >= ends[tp].offset()) }
        } finally {
            admin.close()
        }
    }

    /** The three test grids as rectangles, so SQL can place sensors and draw the map. */
    void loadGrids() {
        database.migrate()
        GridRows.upsert(database, [
                new GridRows.Row(TestGrids.A1, '网格一', 'Grid A1', null, null, null, null, box(116.400, 116.402)),
                new GridRows.Row(TestGrids.A2, '网格二', 'Grid A2', null, null, null, null, box(116.402, 116.404)),
                new GridRows.Row(TestGrids.B1, '网格三', 'Grid B1', null, null, null, null, box(116.404, 116.406))])
    }

    private static String box(double west, double east) {
        "POLYGON(($west 39.910, $east 39.910, $east 39.912, $west 39.912, $west 39.910))"
    }

    String sensorAlarm(String device, String episode, AlarmState state, GeoPoint position = TestGrids.HERE) {
        String id = "edge-it:${episode}:${state}"
        send(topics.intake(), device, WireCodec.intake().write(new IntakeRecord(id, Channel.SENSOR, 'edge-it', Instant.now(),
                null, 'manhole-tilt', device, new SensorAlarm(episode, state, 'tilt', 21.0d, 'deg', 15d), position, '',
                device, false, [])))
        id
    }

    String report(String intakeId, String category, GeoPoint position, Channel channel = Channel.PATROL,
                  String reporter = 'worker-1') {
        send(topics.intake(), intakeId, WireCodec.intake().write(IntakeRecord.report(intakeId, channel, 'it', Instant.now(),
                category, position, 'seen on patrol', reporter, false, CaseCycleRig.PHOTO)))
        intakeId
    }

    /**
     * Report {@code i} of a burst, at its own spot 2 m east of the one before, across all three test grids, sent
     * without waiting: with CITYGRID_DUPLICATE_DISTANCE_M below 2 none merges. Returns the case id it must become.
     */
    String burstReport(String intakeId, int i, Instant at) {
        def position = new GeoPoint(116.4001 + i * 2 / (111_320d * Math.cos(Math.toRadians(39.911))), 39.911)
        String grid = ((org.citygrid.cloud.geocode.GridLocator.InGrid) new TestGrids().place(position)).gridCode()
        def record = IntakeRecord.report(intakeId, Channel.PATROL, name, at, 'C0101', position, 'loose', 'worker-1', false, [])
        producer.send(new ProducerRecord<>(topics.intake(), null, at.toEpochMilli(), intakeId, WireCodec.intake().write(record)))
        org.citygrid.cloud.keys.CaseIds.forReport(grid, at, intakeId)
    }

    String command(String caseId, Actor actor, CaseAction action) {
        String id = "${name}-cmd-${++sequence}"
        send(topics.commands(), caseId, WireCodec.commands().write(CaseCommand.of(id, caseId, actor, Instant.now(), action)))
        id
    }

    void send(String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value)).get()
    }

    /** Sends to one partition: for a spec that writes where the case cycle's partitioning would. */
    void send(String topic, int partition, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, partition, key, value)).get()
    }

    /** Every dead letter committed to this deployment's grid.dead-letters so far. */
    List<DeadLetter> deadLetters() {
        new CommittedRecords(this).values(topics.deadLetters()).collect { TopicCatalogue.DEAD_LETTERS.read(it) }
    }

    /** Creates {@code topic} before the case cycle would, with {@code configs}: a spec's own limits. */
    void createTopic(String topic, int partitions, Map<String, String> configs) {
        def admin = org.apache.kafka.clients.admin.Admin.create(settings.kafkaClient())
        try {
            admin.createTopics([new org.apache.kafka.clients.admin.NewTopic(topic, partitions, (short) 1).configs(configs)]).all().get()
        } finally {
            admin.close()
        }
    }

    /** Runs {@code query} until it returns something truthy or {@code timeout} passes. */
    def <T> T eventually(Duration timeout = Duration.ofSeconds(60), Closure<T> query) {
        def deadline = System.nanoTime() + timeout.toNanos()
        while (true) {
            T result = query()
            if (result || System.nanoTime() > deadline) {
                return result
            }
            Thread.sleep(200)
        }
    }

    def <T> T sql(Closure<T> work) {
        Connection c = database.connect()
        try {
            return work(new groovy.sql.Sql(c))
        } finally {
            c.rollback()
            c.close()
        }
    }

    @Override
    void close() {
        producer.close()
        admin?.close()
    }
}
