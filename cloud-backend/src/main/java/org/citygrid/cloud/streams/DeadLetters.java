package org.citygrid.cloud.streams;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.citygrid.cloud.metrics.CaseCycleMetrics;
import org.citygrid.contracts.deadletters.DeadLetter;
import org.citygrid.contracts.topics.TopicCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets records aside for the case cycle: builds the {@link DeadLetter}, logs it as an error an
 * operator can act on, counts it, and gives it to Kafka Streams as a record for
 * {@code grid.dead-letters} in the task's transaction. Handed to the error handlers through the
 * Streams properties ({@link #CONFIG}), so there is one per application.
 */
public final class DeadLetters {

    /** The Streams property that carries this object to the error handlers. */
    public static final String CONFIG = "citygrid.dead-letters";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final String consumer;
    private final String topic;
    private final CaseCycleMetrics metrics;
    private final Clock clock;

    /**
     * @param consumer the name a dead letter gives as who gave up: the application id
     * @param topic    the dead-letter topic's name in this deployment
     */
    public DeadLetters(String consumer, String topic, CaseCycleMetrics metrics, Clock clock) {
        this.consumer = consumer;
        this.topic = topic;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * A record set aside now.
     *
     * @param kind the metric's word for why: {@code deserialization}, {@code processing}, {@code production}
     */
    DeadLetter letter(String kind, String from, int partition, long offset, String key, byte[] payload, String reason,
                      int attempts) {
        DeadLetter letter = new DeadLetter(consumer, from, partition, offset, key, payload, reason, attempts, clock.instant());
        LOG.error("event=dead-letter kind={} record={} attempts={} reason={}", kind, letter.coordinates(), attempts, reason);
        metrics.deadLetter("case-cycle", kind);
        return letter;
    }

    /** The letter as the record Kafka Streams writes to the dead-letter topic. */
    ProducerRecord<byte[], byte[]> record(DeadLetter letter) {
        return new ProducerRecord<>(topic, letter.coordinates().getBytes(StandardCharsets.UTF_8),
                TopicCatalogue.DEAD_LETTERS.write(letter));
    }

    /** What went wrong, in one line: the exception and its causes' messages. */
    static String reason(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
            out.append(out.isEmpty() ? "" : "; caused by ").append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                // Kafka's messages span lines ("... due to:\n<cause>"): a reason is one line of a log or a letter
                out.append(": ").append(t.getMessage().replaceAll("\\s+", " ").trim());
            }
        }
        return out.length() > 1000 ? out.substring(0, 1000) : out.toString();
    }

    static String text(byte[] key) {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }
}
