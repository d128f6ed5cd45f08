package org.citygrid.api.accesskeys;

import java.time.Instant;
import java.util.Optional;

/**
 * Where one kind of {@link HashedKeys} is kept: rows {@code id, key_sha256, client, created_at,
 * disabled}, found by the hash, never holding a key itself.
 */
public interface KeyTable {

    /** The bean name of Open311's api_keys. */
    String OPEN311 = "open311-keys";
    /** The bean name of the map services' read-only keys. */
    String MAP = "map-keys";

    void insert(String id, String keySha256, String client, Instant createdAt);

    /** The holder of the enabled key with this hash. */
    Optional<HashedKeys.Holder> enabled(String keySha256);

    /** @return false when there is no key with that id */
    boolean disable(String id);
}
