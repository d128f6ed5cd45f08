package org.citygrid.contracts.deadletters;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A record that a consumer could not process after its retries, set aside on {@code grid.dead-letters}
 * so that the consumer goes on with the next record instead of stopping: cloud-backend's case cycle
 * and read-model projection write them (docs/cloud-backend.md, "Dead letters"). It carries the
 * record's coordinates and bytes, so an operator can see why and replay it once the cause is fixed.
 *
 * @param consumer  who gave up on it: the consumer group or component, e.g. {@code readmodel}
 * @param topic     the topic it was read from, as named in that deployment (with any prefix)
 * @param partition its partition
 * @param offset    its offset
 * @param recordKey its key, or null
 * @param payload   its value as received (base64 in JSON), or null
 * @param reason    why it could not be processed, for an operator
 * @param attempts  how many times it was tried
 * @param at        when it was set aside
 */
public record DeadLetter(String consumer, String topic, int partition, long offset, String recordKey,
                         byte[] payload, String reason, int attempts, Instant at) {

    public DeadLetter {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        payload = payload == null ? null : payload.clone();
    }

    /**
     * The key on {@code grid.dead-letters}: {@code <topic>/<partition>/<offset>}. The same record set
     * aside twice (a retry after a crash) gets the same key.
     */
    public String coordinates() {
        return topic + "/" + partition + "/" + offset;
    }

    @Override
    public byte[] payload() {
        return payload == null ? null : payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeadLetter d && consumer.equals(d.consumer) && topic.equals(d.topic)
                && partition == d.partition && offset == d.offset && Objects.equals(recordKey, d.recordKey)
                && Arrays.equals(payload, d.payload) && reason.equals(d.reason) && attempts == d.attempts
                && at.equals(d.at);
    }

    @Override
    public int hashCode() {
        return Objects.hash(consumer, topic, partition, offset, recordKey, Arrays.hashCode(payload), reason, attempts, at);
    }

    @Override
    public String toString() {
        return "DeadLetter[" + consumer + " set aside " + coordinates() + " after " + attempts + " attempts: " + reason
                + " (" + (payload == null ? "no" : payload.length + " bytes of") + " payload, key " + recordKey + ", at " + at + ")]";
    }
}
