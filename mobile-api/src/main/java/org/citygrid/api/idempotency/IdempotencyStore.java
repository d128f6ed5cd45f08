package org.citygrid.api.idempotency;

import java.time.Instant;
import java.util.Optional;

/** The Idempotency-Keys seen, per caller: claimed by a first request, then holding the answer given under it. */
public interface IdempotencyStore {

    /** {@code true} when this call claimed the key; {@code false} when it was claimed before. */
    boolean claim(String owner, String key, String requestHash, Instant now);

    Optional<Entry> find(String owner, String key);

    void complete(String owner, String key, int status, String location, String responseJson);

    /** Gives the key back when the first attempt failed, so that a retry can try again. */
    void release(String owner, String key);

    /** Forgets the keys claimed before {@code before}; returns how many. */
    int purgeOlderThan(Instant before);

    /** A claimed key; {@code status} is null while the first request is still running. */
    record Entry(String requestHash, Integer status, String location, String responseJson, Instant createdAt) {
    }
}
