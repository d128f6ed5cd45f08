package org.citygrid.cloud.streams;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * Kafka Streams' three error handlers for the case cycle: a record that cannot be read, processed or
 * written is set aside on {@code grid.dead-letters} ({@link DeadLetters}) and the task goes on, instead
 * of one record stopping every case of its partition for good. They answer with Kafka Streams 4.3's
 * {@code Response.resume(records)} (KIP-1034), so the dead letter is written in the task's transaction;
 * the built-in {@code errors.dead.letter.queue.topic.name} is not used, because it writes the raw record
 * with headers rather than the {@code DeadLetter} contract.
 *
 * <p>What is not the record's fault still fails the task, which stops the case cycle and its process
 * (a supervisor restarts it; exactly-once loses nothing): Kafka's own exceptions (a state store that
 * cannot be written, a fenced producer), a write Kafka refuses, and any write to the application's
 * changelogs and repartition topics, which cannot be skipped without breaking the state.
 *
 * <p>The case processors retry and set aside records themselves ({@code CaseTask}); these handlers
 * catch what fails elsewhere: the stateless steps, the indicator sums, reading the internal topics.
 */
public final class ErrorHandlers {

    private ErrorHandlers() {
    }

    static DeadLetters from(Map<String, ?> configs) {
        Object letters = configs.get(DeadLetters.CONFIG);
        if (!(letters instanceof DeadLetters d)) {
            throw new IllegalStateException("the case cycle's error handlers need " + DeadLetters.CONFIG + " in the Streams properties");
        }
        return d;
    }

    /** Not the record's fault: Kafka itself, or the JVM. */
    static boolean notTheRecord(Throwable e) {
        return e instanceof KafkaException || e instanceof Error;
    }

    /** A record the case cycle cannot read is set aside (reading the same bytes again gives the same answer). */
    public static final class Deserialization implements DeserializationExceptionHandler {
        private DeadLetters letters;

        @Override
        public void configure(Map<String, ?> configs) {
            letters = from(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception e) {
            return Response.resume(List.of(letters.record(letters.letter("deserialization", record.topic(), record.partition(),
                    record.offset(), DeadLetters.text(record.key()), record.value(), "cannot read it: " + DeadLetters.reason(e), 1))));
        }
    }

    /** A record a step fails on is set aside, unless Kafka failed rather than the step. */
    public static final class Processing implements ProcessingExceptionHandler {
        private DeadLetters letters;

        @Override
        public void configure(Map<String, ?> configs) {
            letters = from(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, org.apache.kafka.streams.processor.api.Record<?, ?> record,
                                    Exception e) {
            if (notTheRecord(e)) {
                return Response.fail();
            }
            return Response.resume(List.of(letters.record(letters.letter("processing", source(context), context.partition(),
                    context.offset(), DeadLetters.text(context.sourceRawKey()), context.sourceRawValue(),
                    "step " + context.processorNodeId() + " failed: " + DeadLetters.reason(e), 1))));
        }
    }

    /**
     * An output that cannot be serialised is set aside with the input record that made it. A write Kafka
     * refuses is not: under exactly-once it has already doomed the task's transaction (the producer is in
     * an error state), and the handler is called on the producer's network thread, where writing a dead
     * letter would wait for metadata that thread itself must fetch. Kafka's retriable errors are retried;
     * any other refusal fails the task, and the process exits saying why.
     */
    public static final class Production implements ProductionExceptionHandler {
        private DeadLetters letters;

        @Override
        public void configure(Map<String, ?> configs) {
            letters = from(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception e) {
            return e instanceof RetriableException ? Response.retry() : Response.fail();
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception e,
                                                 SerializationExceptionOrigin origin) {
            if (internal(record.topic())) {
                return Response.fail();
            }
            return Response.resume(List.of(letters.record(letters.letter("production", source(context), context.partition(),
                    context.offset(), DeadLetters.text(context.sourceRawKey()), context.sourceRawValue(),
                    "cannot write its output to " + record.topic() + ": " + DeadLetters.reason(e), 1))));
        }

        /** The application's changelogs and repartition topics: skipping a write there breaks the state. */
        private static boolean internal(String topic) {
            return topic.endsWith("-changelog") || topic.endsWith("-repartition");
        }
    }

    /** The input record's topic; a punctuation has none, so its step is named instead. */
    private static String source(ErrorHandlerContext context) {
        return context.topic() != null ? context.topic() : "(punctuation at " + context.processorNodeId() + ")";
    }
}
