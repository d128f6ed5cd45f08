package org.citygrid.edge.outbox;

import java.time.Instant;

/**
 * One entry of the outbox.
 *
 * @param offset     position in the outbox, from 0, never reused
 * @param appendedAt when it was made durable (for the forward lag)
 * @param key        the Kafka key: the intake id
 * @param value      the record as written by {@code WireCodec.intake()}
 */
public record OutboxRecord(long offset, Instant appendedAt, String key, byte[] value) {
}
