package org.citygrid.api.deadletters;

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
import org.citygrid.api.kafka.UnreadableRecord;
import org.citygrid.contracts.topics.TopicCatalogue;
import org.citygrid.model.wire.WireFormatException;

/**
 * Keeps every dead letter on grid.dead-letters in api.dead_letters: this API's own, the case cycle's,
 * the projection's. One consumer group for all API instances (the table is shared), from the start of
 * the topic (30 days kept): a new deployment lists what is still there.
 */
@Singleton
@Requires(property = "citygrid.dead-letters.index.enabled", notEquals = "false")
class DeadLetterIndex {

    private final DeadLetterStore store;
    private final TopicReader reader;

    DeadLetterIndex(DeadLetterStore store, TopicReaders readers, GridTopics topics,
                    @Value("${citygrid.dead-letters.index.group:citygrid-mobile-api-dead-letters}") String group) {
        this.store = store;
        this.reader = readers.inGroup("dead-letter-index", topics.getDeadLetters(), group, "earliest", this::keep);
    }

    @EventListener
    void start(StartupEvent event) {
        reader.start();
    }

    private void keep(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return; // a tombstone sets nothing aside
        }
        try {
            store.record(TopicCatalogue.DEAD_LETTERS.read(record.value()));
        } catch (WireFormatException e) {
            // set aside on grid.dead-letters itself: that dead letter is well-formed, so it is kept next
            throw new UnreadableRecord("not a dead letter: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        reader.close();
    }
}
