package org.citygrid.api.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.citygrid.api.kafka.GridTopics;
import org.citygrid.api.kafka.TopicReader;
import org.citygrid.api.kafka.TopicReaders;
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
    private final TopicReader reader;

    LiveCaseEvents(TopicReaders readers, GridTopics topics, @Value("${citygrid.live.start:latest}") String start) {
        this.reader = readers.everyPartition("live-case-events", topics.getCaseEvents(), start, this::emit);
    }

    public Flux<JsonNode> events() {
        return sink.asFlux();
    }

    @EventListener
    void start(StartupEvent event) {
        reader.start();
    }

    private void emit(ConsumerRecord<String, byte[]> record) {
        try {
            // read through the codec so that only valid v1 events reach the browsers
            sink.tryEmitNext(WireCodec.events().toTree(WireCodec.events().read(record.value())));
        } catch (WireFormatException e) {
            LOG.warn("not streaming an unreadable case event at offset {}: {}", record.offset(), e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        reader.close();
        sink.tryEmitComplete();
    }
}
