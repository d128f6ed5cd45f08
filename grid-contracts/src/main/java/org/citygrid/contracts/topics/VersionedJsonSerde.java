package org.citygrid.contracts.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.citygrid.model.wire.WireCodec;
import org.citygrid.model.wire.WireFormatException;
import org.citygrid.model.wire.WireJson;

/**
 * JSON with the {@code "v"} schema version, the same convention as grid-model's wire codecs, for
 * the records the catalogue's own packages define (notification intents, responsibility rows, daily
 * indicator tallies, dead letters).
 */
public final class VersionedJsonSerde<T> implements Serde<T> {

    private static final ObjectMapper MAPPER = WireJson.mapper();

    private final Class<T> type;
    private final int version;

    public VersionedJsonSerde(Class<T> type, int version) {
        this.type = type;
        this.version = version;
    }

    public byte[] write(T value) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put(WireCodec.VERSION_FIELD, version);
        out.setAll((ObjectNode) MAPPER.valueToTree(value));
        try {
            return MAPPER.writeValueAsBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws WireFormatException for anything that is not a record of this type and version */
    public T read(byte[] bytes) {
        try {
            JsonNode tree = MAPPER.readTree(bytes);
            if (tree == null || !tree.isObject() || tree.path(WireCodec.VERSION_FIELD).asInt(-1) != version) {
                throw new WireFormatException("a " + type.getSimpleName() + " must be a JSON object with \"v\": " + version);
            }
            ObjectNode body = ((ObjectNode) tree).deepCopy();
            body.remove(WireCodec.VERSION_FIELD);
            return MAPPER.treeToValue(body, type);
        } catch (IOException e) {
            throw new WireFormatException("invalid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : write(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }
}
