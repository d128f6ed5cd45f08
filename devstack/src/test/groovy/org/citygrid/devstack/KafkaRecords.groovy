package org.citygrid.devstack

import org.apache.kafka.clients.consumer.ConsumerConfig
import org.apache.kafka.clients.consumer.KafkaConsumer
import org.apache.kafka.clients.producer.KafkaProducer
import org.apache.kafka.clients.producer.ProducerConfig
import org.apache.kafka.common.serialization.StringDeserializer
import org.apache.kafka.common.serialization.StringSerializer
import org.citygrid.devstack.kafka.KafkaBroker

import java.time.Duration

/** Producers and a bounded consumer loop for the broker specs. */
class KafkaRecords {

    static KafkaProducer<String, String> producer(KafkaBroker broker, Map<String, Object> extra = [:]) {
        Map<String, Object> props = broker.clientProperties() + [
                (ProducerConfig.ACKS_CONFIG)                  : 'all',
                (ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG)  : StringSerializer.name,
                (ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG): StringSerializer.name,
        ] + extra
        new KafkaProducer<String, String>(props)
    }

    /**
     * Reads {@code topic} from the beginning until {@code expected} records arrived, or the end offset is
     * reached and nothing more came for a while, or 30 s passed; returns the values read.
     */
    static List<String> readAll(KafkaBroker broker, String topic, int expected, String isolation = 'read_uncommitted') {
        Map<String, Object> props = broker.clientProperties() + [
                (ConsumerConfig.GROUP_ID_CONFIG)                : "spec-${UUID.randomUUID()}".toString(),
                (ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)       : 'earliest',
                (ConsumerConfig.ISOLATION_LEVEL_CONFIG)         : isolation,
                (ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG)  : StringDeserializer.name,
                (ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG): StringDeserializer.name,
        ]
        List<String> values = []
        new KafkaConsumer<String, String>(props).withCloseable { consumer ->
            consumer.subscribe([topic])
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos()
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).each { values << it.value() }
            }
            // Keep reading a moment past the expected count: records that must NOT arrive get a chance to.
            consumer.poll(Duration.ofMillis(500)).each { values << it.value() }
        }
        values
    }
}
