package org.citygrid.edge.forward;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.citygrid.edge.config.EdgeConfig;

/**
 * The intake topic through an idempotent producer with {@code acks=all}: a record counts as sent
 * only when every in-sync replica has it, and the producer's own retries never duplicate it. A
 * failure that is the record's own fault comes back as a {@link RecordRefusedException}.
 */
public final class KafkaIntakeSink implements IntakeSink {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    public KafkaIntakeSink(EdgeConfig.Kafka kafka, String clientId) {
        Properties p = new Properties();
        // shorter than Kafka's defaults: the outbox already keeps the record, so the forwarder is
        // better off learning early that the cluster is away than waiting two minutes per batch
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.putAll(kafka.properties());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
        this.topic = kafka.topic();
    }

    @Override
    public CompletableFuture<Void> send(String key, byte[] value) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
                if (error != null) {
                    done.completeExceptionally(classify(error));
                } else {
                    done.complete(null);
                }
            });
        } catch (RuntimeException e) {
            done.completeExceptionally(classify(e));
        }
        return done;
    }

    /**
     * A failure that belongs to the record (it would fail the same way on any broker, at any time)
     * as a {@link RecordRefusedException}; any other (timeouts, a broker away, no leader) as it is,
     * to be waited out.
     */
    static Throwable classify(Throwable error) {
        return error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidRecordException || error instanceof SerializationException
                ? new RecordRefusedException(error) : error;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
