package org.citygrid.api.ogcapi;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.citygrid.api.support.HashedKeys;

/**
 * Read-only keys for the map services (features and tiles): random 256-bit keys, stored as SHA-256,
 * looked up by hash. A key of their own rather than Open311's, because an Open311 key may post
 * requests and a map key must be safe to paste into a QGIS project shared around a department.
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

    MapKeys(DataSource dataSource, Clock clock) {
        this.keys = new HashedKeys(dataSource, clock, "api.map_keys", "map-", "a map key");
    }

    /** Creates a key for {@code client} and returns it: the only time it is visible. */
    public IssuedKey issue(String client) {
        HashedKeys.Issued issued = keys.issue(client);
        return new IssuedKey(issued.id(), issued.client(), issued.key());
    }

    /** The id of the enabled key {@code key}, or empty. */
    public Optional<String> verify(String key) {
        return keys.verify(key).map(HashedKeys.Holder::id);
    }

    /** A newly issued key; {@code key} is shown only in this answer. */
    public record IssuedKey(String id, String client, String key) {
    }
}
