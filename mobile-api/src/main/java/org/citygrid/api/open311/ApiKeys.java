package org.citygrid.api.open311;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.citygrid.api.support.HashedKeys;

/** Open311 api_keys: random 256-bit keys, stored as SHA-256, looked up by hash. */
@Singleton
public class ApiKeys {

    private final HashedKeys keys;

    ApiKeys(DataSource dataSource, Clock clock) {
        this.keys = new HashedKeys(dataSource, clock, "api.open311_keys", "o311-", "an api_key");
    }

    /** Creates a key for {@code client} and returns it: the only time it is visible. */
    public IssuedKey issue(String client) {
        HashedKeys.Issued issued = keys.issue(client);
        return new IssuedKey(issued.id(), issued.client(), issued.key());
    }

    /** Disables the key {@code id} (looked up on every request, so at once); false when there is none. */
    public boolean revoke(String id) {
        return keys.disable(id);
    }

    Optional<Client> verify(String key) {
        return keys.verify(key).map(holder -> new Client(holder.id(), holder.client()));
    }

    public record IssuedKey(String id, String client, String apiKey) {
    }

    record Client(String id, String name) {
    }
}
