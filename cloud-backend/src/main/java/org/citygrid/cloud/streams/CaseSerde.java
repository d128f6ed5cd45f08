package org.citygrid.cloud.streams;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.citygrid.model.cases.Case;
import org.citygrid.model.wire.CaseCodec;
import org.citygrid.model.wire.WireCodec;

/**
 * The {@code cases} store's values: the folded case as grid-model's {@link WireCodec#cases()} writes it.
 * It also reads what the store held before, the case's whole event list ({@code {"events": [...]}}),
 * by folding it, so a store (and its changelog) written by an earlier version is read as it comes and
 * written back folded, with no migration step.
 */
public final class CaseSerde implements Serde<Case> {

    private static final CaseCodec CODEC = WireCodec.cases();

    @Override
    public Serializer<Case> serializer() {
        return (topic, c) -> c == null ? null : CODEC.write(c);
    }

    @Override
    public Deserializer<Case> deserializer() {
        return (topic, bytes) -> bytes == null ? null : CODEC.read(bytes);
    }
}
