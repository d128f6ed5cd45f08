package org.citygrid.api.kafka;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Makes the API's topic readers, all with the same retries and the same dead-letter shelf
 * ({@code grid.dead-letters}, through {@link GridPublisher}), and keeps them so that health can show
 * each one's state ({@code citygrid.readers.max-attempts}, default 5; {@code citygrid.readers.retry-pause},
 * default 2 s).
 */
@Singleton
public class TopicReaders {

    /** How the readers of an instance that read every partition themselves are named in dead letters. */
    public static final String INSTANCE_CONSUMER_PREFIX = "mobile-api:";

    private final KafkaConnection kafka;
    private final DeadLetterShelf shelf;
    private final ReaderRetries retries;
    private final Clock clock;
    private final List<TopicReader> readers = new CopyOnWriteArrayList<>();

    TopicReaders(KafkaConnection kafka, GridPublisher publisher, Clock clock,
                 @Value("${citygrid.readers.max-attempts:5}") int maxAttempts,
                 @Value("${citygrid.readers.retry-pause:2s}") Duration pause) {
        this.kafka = kafka;
        this.shelf = publisher::deadLetter;
        this.retries = new ReaderRetries(maxAttempts, pause);
        this.clock = clock;
    }

    /**
     * A reader in a consumer group shared by every API instance: each record is handled once across them.
     *
     * @param offsetReset where the group starts when it has no committed offsets: {@code earliest} or {@code latest}
     */
    public TopicReader inGroup(String name, String topic, String group, String offsetReset,
                               Consumer<ConsumerRecord<String, byte[]>> handler) {
        return keep(new TopicReader(name, group, kafka, topic, group, offsetReset, handler, retries, shelf, clock));
    }

    /** A reader of every partition by this instance alone, nothing committed; {@code start} {@code earliest} or the end. */
    public TopicReader everyPartition(String name, String topic, String start, Consumer<ConsumerRecord<String, byte[]>> handler) {
        return keep(new TopicReader(name, INSTANCE_CONSUMER_PREFIX + name, kafka, topic, null, start, handler, retries,
                shelf, clock));
    }

    /** Every reader made, in the order they were made. */
    public List<TopicReader> all() {
        return List.copyOf(readers);
    }

    /** Forgets a reader that was closed for good (a spec's own). */
    public void forget(TopicReader reader) {
        readers.remove(reader);
    }

    private TopicReader keep(TopicReader reader) {
        readers.add(reader);
        return reader;
    }
}
