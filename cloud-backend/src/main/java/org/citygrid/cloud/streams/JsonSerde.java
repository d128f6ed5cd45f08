package org.citygrid.cloud.streams;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.citygrid.model.wire.WireJson;

/**
 * JSON for the application's own state stores and internal topics, on grid-model's mapper so
 * instants, durations and case changes are written exactly as on the public topics.
 *
 * <p>Only for data this application wrote itself: a record that does not parse here is a bug, so
 * it fails loudly. Input from other modules is parsed by the processors, which turn bad input
 * into rejections instead.
 */
public final class JsonSerde<T> implements Serde<T> {

    private static final ObjectMapper MAPPER = WireJson.mapper();

    private final JavaType type;

    private JsonSerde(JavaType type) {
        this.type = type;
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(MAPPER.constructType(type));
    }

    public static <T> JsonSerde<T> of(TypeReference<T> type) {
        return new JsonSerde<>(MAPPER.constructType(type));
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return MAPPER.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + type + " for " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return MAPPER.readValue(bytes, type);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + type + " from " + topic, e);
            }
        };
    }
}
