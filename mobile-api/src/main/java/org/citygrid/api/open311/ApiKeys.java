package org.citygrid.api.open311;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.citygrid.api.accesskeys.HashedKeys;
import org.citygrid.api.accesskeys.KeyTable;

/** Open311 api_keys: random 256-bit keys, stored as SHA-256, looked up by hash. */
@Singleton
public class ApiKeys {

    private final HashedKeys keys;

    ApiKeys(@Named(KeyTable.OPEN311) KeyTable table, Clock clock) {
        this.keys = new HashedKeys(table, clock, "o311-");
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
