package org.citygrid.api.ogcapi;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.citygrid.api.accesskeys.HashedKeys;
import org.citygrid.api.accesskeys.KeyTable;
import org.citygrid.model.hash.Sha256;

/**
 * Read-only keys for the map services (features and tiles): random 256-bit keys, stored as SHA-256,
 * looked up by hash. A key of their own rather than Open311's, because an Open311 key may post
 * requests and a map key must be safe to paste into a QGIS project shared around a department.
 * Verified keys are cached for {@code citygrid.map-keys.cache-time} (default 30 s; see {@link VerifiedKeys}).
 */
@Singleton
public class MapKeys {

    /** The role a map key authenticates with; it grants nothing but the map services. */
    public static final String ROLE = "MAP_READER";
    /** Header carrying the key (GDAL: {@code --config GDAL_HTTP_HEADERS "X-API-Key: ..."}). */
    public static final String HEADER = "X-API-Key";
    /** Query parameter carrying the key, for clients that only take a URL (QGIS XYZ tiles, GDAL). */
    public static final String QUERY_PARAMETER = "key";

    private final HashedKeys keys;
    private final VerifiedKeys verified;

    MapKeys(@Named(KeyTable.MAP) KeyTable table, Clock clock,
            @Value("${citygrid.map-keys.cache-time:30s}") Duration cacheTime,
            @Value("${citygrid.map-keys.cache-size:1000}") int cacheSize) {
        this.keys = new HashedKeys(table, clock, "map-");
        this.verified = new VerifiedKeys(clock, cacheTime, cacheSize);
    }

    /** Creates a key for {@code client} and returns it: the only time it is visible. */
    public IssuedKey issue(String client) {
        HashedKeys.Issued issued = keys.issue(client);
        return new IssuedKey(issued.id(), issued.client(), issued.key());
    }

    /** The id of the enabled key {@code key}, or empty; from the cache when it was verified a moment ago. */
    public Optional<String> verify(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String hash = Sha256.hex(key);
        Optional<String> cached = verified.get(hash);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<String> id = keys.verify(key).map(HashedKeys.Holder::id);
        id.ifPresent(found -> verified.put(hash, found));
        return id;
    }

    /**
     * Disables the key {@code id}: at once on this instance; other instances may accept it for up to
     * their cache time.
     *
     * @return false when there is no such key
     */
    public boolean revoke(String id) {
        boolean found = keys.disable(id);
        verified.forget(id);
        return found;
    }

    /** A newly issued key; {@code key} is shown only in this answer. */
    public record IssuedKey(String id, String client, String key) {
    }
}
