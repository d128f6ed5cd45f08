package org.citygrid.api.testkit

import org.apache.kafka.clients.consumer.ConsumerRecord
import org.apache.kafka.clients.consumer.KafkaConsumer
import org.apache.kafka.common.TopicPartition
import org.apache.kafka.common.serialization.ByteArrayDeserializer
import org.apache.kafka.common.serialization.StringDeserializer
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.wire.WireCodec

import java.time.Duration

/** Reads what the API wrote to the real broker. */
class Topics {

    /** Every record now on {@code topic} (read up to the end offsets at the time of the call). */
    static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        def consumer = new KafkaConsumer<String, byte[]>([
                'bootstrap.servers': TestStack.instance.bootstrapServers,
                'enable.auto.commit': 'false',
        ], new StringDeserializer(), new ByteArrayDeserializer())
        try {
            def partitions = consumer.partitionsFor(topic).collect { new TopicPartition(topic, it.partition()) }
            consumer.assign(partitions)
            consumer.seekToBeginning(partitions)
            def end = consumer.endOffsets(partitions)
            def out = []
            // bounded by the number of polls, not by a clock: the broker is local
            for (int i = 0; i < 200 && partitions.any { consumer.position(it) < end[it] }; i++) {
                consumer.poll(Duration.ofMillis(200)).each { out << it }
            }
            out
        } finally {
            consumer.close()
        }
    }

    static List<ConsumerRecord<String, byte[]>> withKey(String topic, String key) {
        readAll(topic).findAll { it.key() == key }
    }

    /** Writes a record as another module would (e.g. cloud-backend's command rejections). */
    static void send(String topic, String key, byte[] value) {
        def producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(
                ['bootstrap.servers': TestStack.instance.bootstrapServers],
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())
        try {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key, value)).get()
        } finally {
            producer.close()
        }
    }

    /** Writes a case event onto grid.case-events as cloud-backend's case cycle would, keyed by its case. */
    static void publish(CaseEvent event) {
        send(TestStack.CASE_EVENTS, event.caseId(), WireCodec.events().write(event))
    }
}
