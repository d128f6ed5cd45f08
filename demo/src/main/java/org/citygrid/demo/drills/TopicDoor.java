package org.citygrid.demo.drills;

import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.citygrid.contracts.topics.Topic;

/**
 * Raw bytes produced straight onto a shared topic, as a careless or hostile producer inside the network would: no
 * serde, no checks. Each record's coordinates are what its dead letter must name.
 */
final class TopicDoor implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private int sent;

    TopicDoor(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "poison-drill");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Produces one record, its key {@code label} made unique, and answers with its coordinates,
     * {@code <topic>/<partition>/<offset>}.
     */
    HostileAnswer produce(Topic<?, ?> topic, String label, byte[] value) {
        String key = label + "-" + (++sent) + "-" + Long.toHexString(System.nanoTime());
        try {
            RecordMetadata m = producer.send(new ProducerRecord<>(topic.name(), key, value)).get(30, TimeUnit.SECONDS);
            return HostileAnswer.produced(m.topic() + "/" + m.partition() + "/" + m.offset(), key);
        } catch (ExecutionException | TimeoutException e) {
            return HostileAnswer.noAnswer("the broker did not take the record: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HostileAnswer.noAnswer("interrupted");
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
