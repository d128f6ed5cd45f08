package org.citygrid.contracts.topics;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic of the {@link TopicCatalogue}: its documented name, the types and serdes of its keys
 * and values, and how it is created. Only the catalogue makes topics, so a topic's name, format and
 * configs are written in one place; a deployment's prefix is {@link Topics}' business.
 *
 * <p>The value serde is strict: a record that is not this topic's format fails with
 * {@link org.citygrid.model.wire.WireFormatException}. A consumer that must survive bad input (the
 * case cycle reading {@code grid.intake}) reads the bytes and decides what a bad record means for it.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class Topic<K, V> {

    private final String name;
    private final Class<V> valueType;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;
    private final Partitions partitions;
    private final Map<String, String> configs;

    Topic(String name, Class<V> valueType, Serde<K> keySerde, Serde<V> valueSerde, Partitions partitions,
          Map<String, String> configs) {
        this.name = Objects.requireNonNull(name, "name");
        this.valueType = Objects.requireNonNull(valueType, "valueType");
        this.keySerde = Objects.requireNonNull(keySerde, "keySerde");
        this.valueSerde = Objects.requireNonNull(valueSerde, "valueSerde");
        this.partitions = Objects.requireNonNull(partitions, "partitions");
        this.configs = Map.copyOf(configs);
    }

    /** How many partitions a topic gets, from the deployment's count ({@code CITYGRID_PARTITIONS}). */
    public enum Partitions {
        /** As many as the case cycle has: the topics it reads and writes per case. */
        ALL,
        /** Half of them, at least one: the smaller outputs. */
        HALF,
        /** One: a small table that every reader reads whole. */
        ONE;

        public int of(int partitions) {
            return switch (this) {
                case ALL -> partitions;
                case HALF -> Math.max(1, partitions / 2);
                case ONE -> 1;
            };
        }
    }

    /** The documented name, without a deployment's prefix (see {@link Topics#name(Topic)}). */
    public String name() {
        return name;
    }

    public Class<V> valueType() {
        return valueType;
    }

    public Serde<K> keySerde() {
        return keySerde;
    }

    public Serde<V> valueSerde() {
        return valueSerde;
    }

    /**
     * A value from its bytes, as a consumer of this topic reads it.
     *
     * @throws org.citygrid.model.wire.WireFormatException for anything that is not this topic's format
     */
    public V read(byte[] bytes) {
        return valueSerde.deserializer().deserialize(name, bytes);
    }

    /** A value's bytes, as a producer of this topic writes them. */
    public byte[] write(V value) {
        return valueSerde.serializer().serialize(name, value);
    }

    public Partitions partitions() {
        return partitions;
    }

    /** The topic configs it is created with ({@code retention.ms}, {@code cleanup.policy}, ...). */
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public String toString() {
        return name;
    }
}
