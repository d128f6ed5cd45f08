package org.citygrid.api.kafka;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One idempotent producer for the whole API. acks=all: a 202 means the record is on every in-sync
 * replica, so an accepted report is never lost by a broker failover.
 */
@Factory
class KafkaProducerFactory {

    @Singleton
    @Bean(preDestroy = "close")
    Producer<String, byte[]> producer(KafkaConnection kafka) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.CLIENT_ID_CONFIG, "mobile-api"));
        // the connection file may tune timeouts; the delivery guarantee is the API's
        config.putAll(kafka.client());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
