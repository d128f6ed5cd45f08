package org.citygrid.api.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.citygrid.model.wire.WireCodec;
import org.citygrid.model.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Case events as they happen, for the operators' live view. Every API instance must see every event
 * for the operators connected to it, so it assigns itself all partitions of grid.case-events
 * (no consumer group, nothing committed) from their end, and multicasts to whoever is connected; a
 * slow client misses events rather than holding the others up, and reloads the lists to catch up.
 * Partitions added to the topic later are picked up at the next start.
 */
@Singleton
@Requires(property = "citygrid.live.enabled", notEquals = "false")
public class LiveCaseEvents {

    private static final Logger LOG = LoggerFactory.getLogger(LiveCaseEvents.class);

    private final Sinks.Many<JsonNode> sink = Sinks.many().multicast().directBestEffort();
    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final boolean fromStart;
    private volatile boolean running = true;
    private Thread thread;

    LiveCaseEvents(@Value("${citygrid.kafka.bootstrap-servers}") String bootstrap,
                   @Value("${citygrid.topics.case-events:grid.case-events}") String topic,
                   @Value("${citygrid.live.start:latest}") String start) {
        this.topic = topic;
        this.fromStart = "earliest".equals(start);
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    public Flux<JsonNode> events() {
        return sink.asFlux();
    }

    @EventListener
    void start(StartupEvent event) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        if (fromStart) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        thread = Thread.ofPlatform().name("live-case-events").daemon().start(this::run);
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        // read through the codec so that only valid v1 events reach the browsers
                        sink.tryEmitNext(WireCodec.events().toTree(WireCodec.events().read(record.value())));
                    } catch (WireFormatException e) {
                        LOG.warn("not streaming an unreadable case event at offset {}: {}", record.offset(), e.getMessage());
                    }
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } finally {
            consumer.close();
        }
    }

    @PreDestroy
    void close() {
        running = false;
        consumer.wakeup();
        sink.tryEmitComplete();
        if (thread == null) {
            consumer.close();
        } else {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
