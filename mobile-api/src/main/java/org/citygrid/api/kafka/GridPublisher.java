package org.citygrid.api.kafka;

import jakarta.inject.Singleton;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.citygrid.api.errors.Unavailable;
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
