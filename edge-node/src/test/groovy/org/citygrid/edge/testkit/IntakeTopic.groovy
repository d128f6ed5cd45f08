package org.citygrid.edge.testkit

import java.time.Duration
import org.apache.kafka.clients.consumer.ConsumerConfig
import org.apache.kafka.clients.admin.NewTopic
import org.apache.kafka.clients.consumer.KafkaConsumer
import org.apache.kafka.common.serialization.ByteArrayDeserializer
import org.apache.kafka.common.serialization.StringDeserializer
import org.citygrid.devstack.Devstack
import org.citygrid.model.intake.IntakeRecord
import org.citygrid.model.wire.WireCodec

/** Reads an intake topic from the start, as the cloud side would, decoding with the shared codec. */
class IntakeTopic implements AutoCloseable {

    /** One record as consumed: the Kafka key and the decoded value. */
    static record Consumed(String key, IntakeRecord record) {}

    final List<Consumed> consumed = []
    final String bootstrapServers
    final String name
    private final KafkaConsumer<String, byte[]> consumer

    /**
     * A new topic on the shared devstack broker, named {@code grid.intake.<label>-<n>} so specs never
     * read each other's records, and a reader of it.
     *
     * @param configs topic configs, e.g. {@code ['max.message.bytes': '600']}
     */
    static IntakeTopic fresh(String label, Map<String, String> configs = [:]) {
        def broker = Devstack.sharedKafka()
        def name = 'grid.intake.' + label.replaceAll('[^a-z0-9-]', '').take(30) + '-' + System.nanoTime()
        broker.createTopics([new NewTopic(name, 1, (short) 1).configs(configs)])
        new IntakeTopic(broker.bootstrapServers(), name)
    }

    IntakeTopic(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers
        this.name = topic
        consumer = new KafkaConsumer<>([
                (ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) : bootstrapServers,
                (ConsumerConfig.GROUP_ID_CONFIG)          : 'spec-' + UUID.randomUUID(),
                (ConsumerConfig.AUTO_OFFSET_RESET_CONFIG) : 'earliest',
                (ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG): 'false',
        ] as Map<String, Object>, new StringDeserializer(), new ByteArrayDeserializer())
        consumer.subscribe([topic])
    }

    /**
     * Polls until {@code done} holds for everything consumed so far, or {@code patience} passes
     * (then the caller's assertions say what is missing).
     */
    List<Consumed> readUntil(Duration patience = Duration.ofSeconds(60), Closure<Boolean> done) {
        long deadline = System.nanoTime() + patience.toNanos()
        while (!done(consumed) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).each {
                consumed << new Consumed(it.key(), WireCodec.intake().read(it.value()))
            }
        }
        consumed
    }

    /** Polls until every one of {@code intakeIds} has come (or the patience runs out); returns all consumed. */
    List<Consumed> readUntilAll(Collection<String> intakeIds) {
        readUntil { all -> all*.record()*.intakeId().toSet().containsAll(intakeIds) }
    }

    /** Whether every intake id consumed more than once came each time as the same record: a resend, not a clash. */
    static boolean repeatsAreResends(List<Consumed> consumed) {
        consumed.groupBy { it.record().intakeId() }.every { id, copies -> copies*.record().toSet().size() == 1 }
    }

    /** The {@code kafka} section of an edge.json that forwards here, with a short retry pause, plus {@code extra}. */
    Map edgeConfig(Map extra = [:]) {
        [bootstrapServers: bootstrapServers, topic: name, retryBackoffMs: 200] + extra
    }

    /** Intake ids as consumed, duplicates included. */
    List<String> ids() {
        consumed*.record()*.intakeId()
    }

    @Override
    void close() {
        consumer.close()
    }
}
