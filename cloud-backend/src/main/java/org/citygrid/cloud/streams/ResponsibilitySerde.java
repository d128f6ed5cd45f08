package org.citygrid.cloud.streams;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.citygrid.contracts.dispatch.Responsibility;
import org.citygrid.contracts.topics.TopicCatalogue;
import org.citygrid.model.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads responsibility rows. A row that cannot be read must not stop the case cycle (the table is
 * operator configuration, read by every instance); it is logged as an error naming the row and
 * ignored, so dispatch falls back to the next most specific row or the catalogue.
 */
public final class ResponsibilitySerde implements Serde<Responsibility> {

    private static final Logger LOG = LoggerFactory.getLogger(ResponsibilitySerde.class);
    @Override
    public Serializer<Responsibility> serializer() {
        return TopicCatalogue.RESPONSIBILITY.valueSerde().serializer();
    }

    @Override
    public Deserializer<Responsibility> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return TopicCatalogue.RESPONSIBILITY.read(bytes);
            } catch (WireFormatException e) {
                LOG.error("ignoring an unreadable row of {}: {}", topic, e.getMessage());
                return new Responsibility(java.util.List.of());
            }
        };
    }
}
