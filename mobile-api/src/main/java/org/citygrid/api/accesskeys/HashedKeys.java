package org.citygrid.api.accesskeys;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.citygrid.model.hash.Sha256;

/**
 * Keys handed to other systems (Open311 clients, GIS tools): random 256-bit values of which only the
 * SHA-256 is stored, so a leaked table opens nothing; a key is looked up by its hash. Each kind of
 * key has its own {@link KeyTable}.
 */
public final class HashedKeys {

    /** Longer than any key this class issues (43 characters): a bigger value is not worth hashing. */
    private static final int MAX_KEY_LENGTH = 128;

    private final KeyTable table;
    private final Clock clock;
    private final String idPrefix;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param idPrefix start of every key id, telling the kinds apart in logs
     */
    public HashedKeys(KeyTable table, Clock clock, String idPrefix) {
        this.table = table;
        this.clock = clock;
        this.idPrefix = idPrefix;
    }

    /** Creates a key for {@code client}; the answer is the only time the key itself is visible. */
    public Issued issue(String client) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String id = idPrefix + UUID.randomUUID().toString().substring(0, 8);
        table.insert(id, Sha256.hex(key), client, clock.instant());
        return new Issued(id, client, key);
    }

    /** The holder of {@code key} if it is a key of this kind and not disabled. */
    public Optional<Holder> verify(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        return table.enabled(Sha256.hex(key));
    }

    /**
     * Sets {@code disabled} on the key {@code id}, so that it opens nothing from now on.
     *
     * @return false when there is no key of this kind with that id
     */
    public boolean disable(String id) {
        return table.disable(id);
    }

    /** A key just made. */
    public record Issued(String id, String client, String key) {
    }

    /** Who a key belongs to. */
    public record Holder(String id, String client) {
    }
}
