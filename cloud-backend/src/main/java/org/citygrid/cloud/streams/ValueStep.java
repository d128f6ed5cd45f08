package org.citygrid.cloud.streams;

import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** A stateless step of the topology (validate, place, check) as a processor: the step itself is a plain function. */
final class ValueStep<V, R> implements FixedKeyProcessor<String, V, R> {

    /** The step: a record's key, value and the time it reached Kafka, to its result. */
    @FunctionalInterface
    interface Step<V, R> {
        R apply(String key, V value, Instant at);
    }

    private final Step<V, R> step;
    private FixedKeyProcessorContext<String, R> context;

    ValueStep(Step<V, R> step) {
        this.step = step;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, R> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, V> in) {
        context.forward(in.withValue(step.apply(in.key(), in.value(), Instant.ofEpochMilli(in.timestamp()))));
    }
}
