package org.citygrid.contracts.topics;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.citygrid.model.wire.WireCodec;

/** A Kafka serde over one of grid-model's versioned wire codecs, for the documented topics. */
public final class WireSerde<T> implements Serde<T> {

    private final WireCodec<T> codec;

    private WireSerde(WireCodec<T> codec) {
        this.codec = codec;
    }

    public static <T> WireSerde<T> of(WireCodec<T> codec) {
        return new WireSerde<>(codec);
    }

    /** The codec this serde writes and reads with. */
    public WireCodec<T> codec() {
        return codec;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : codec.write(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : codec.read(bytes);
    }
}
