package org.citygrid.api.kafka;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.citygrid.api.errors.Unavailable;
import org.citygrid.contracts.deadletters.DeadLetter;
import org.citygrid.contracts.topics.TopicCatalogue;
import org.citygrid.model.cases.CaseCommand;
import org.citygrid.model.intake.IntakeRecord;
import org.citygrid.model.wire.WireCodec;

/**
 * Writes intake records and case commands in grid-model's wire format (docs/wire-formats.md),
 * waiting for the broker's acknowledgement: the API answers 202 only for what Kafka holds. A broker
 * that does not acknowledge in time is {@link Unavailable}: nothing was recorded, a retry may succeed.
 */
@Singleton
public class GridPublisher {

    /** The header a replayed record carries: where it had been set aside. */
    public static final String REPLAY_HEADER = "citygrid-replay-of";

    private final Producer<String, byte[]> producer;
    private final GridTopics topics;

    GridPublisher(Producer<String, byte[]> producer, GridTopics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    public void intake(IntakeRecord record) {
        send(new ProducerRecord<>(topics.getIntake(), record.intakeId(), WireCodec.intake().write(record)));
    }

    /** Keyed by case id, so a case and its commands meet in one partition. */
    public void command(CaseCommand command) {
        send(new ProducerRecord<>(topics.getCommands(), command.caseId(), WireCodec.commands().write(command)));
    }

    /** Sets a record a reader gave up on aside on grid.dead-letters, keyed by its coordinates. */
    public void deadLetter(DeadLetter letter) {
        send(new ProducerRecord<>(topics.getDeadLetters(), letter.coordinates(),
                TopicCatalogue.DEAD_LETTERS.write(letter)));
    }

    /**
     * Produces a dead letter's record again: its key and value, as received, onto the topic it was read from,
     * with a header {@value #REPLAY_HEADER} naming the coordinates it was set aside at.
     */
    public void replay(DeadLetter letter) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(letter.topic(), null, letter.recordKey(),
                letter.payload(), List.of(new RecordHeader(REPLAY_HEADER,
                letter.coordinates().getBytes(StandardCharsets.UTF_8))));
        send(record);
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw unavailable(e);
        }
    }

    private static Unavailable unavailable(Exception e) {
        return new Unavailable("broker-unavailable", "Try again later",
                "the request could not be handed to the case cycle (" + e.getClass().getSimpleName()
                        + "); nothing was recorded, retry with the same Idempotency-Key");
    }
}
