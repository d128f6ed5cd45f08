package org.citygrid.edge.devices;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;

/**
 * The devices of one neighbourhood, from the registry file the operator manages: a JSON array of
 * {@link Device} objects. Entries of other neighbourhoods are left out, so a device of the next
 * community cannot use this node. Immutable: a reload of the file makes a new one.
 */
public final class DeviceRegistry {

    private final Map<String, Device> byId;
    private final Map<String, Device> byIdentity;
    private final AdvancedPskStore pskStore;

    public DeviceRegistry(Collection<Device> devices, String neighbourhood) {
        Map<String, Device> ids = new HashMap<>();
        Map<String, Device> identities = new HashMap<>();
        for (Device d : devices) {
            if (!neighbourhood.equals(d.neighbourhood())) {
                continue;
            }
            if (ids.put(d.id(), d) != null) {
                throw new IllegalArgumentException("device id " + d.id() + " appears twice in the registry");
            }
            if (identities.put(d.pskIdentity(), d) != null) {
                throw new IllegalArgumentException("PSK identity " + d.pskIdentity() + " appears twice in the registry");
            }
        }
        this.byId = Map.copyOf(ids);
        this.byIdentity = Map.copyOf(identities);
        AdvancedMultiPskStore store = new AdvancedMultiPskStore();
        byId.values().stream().filter(d -> !d.revoked()).forEach(d -> store.setKey(d.pskIdentity(), d.keyBytes()));
        this.pskStore = store;
    }

    public static DeviceRegistry load(Path file, String neighbourhood) {
        try {
            return read(file, neighbourhood);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read device registry " + file + ": " + e.getMessage(), e);
        }
    }

    /** One version of the registry file; throws for a file that is not a valid registry. */
    public static DeviceRegistry read(Path file, String neighbourhood) throws IOException {
        List<Device> devices = new ObjectMapper().findAndRegisterModules()
                .readValue(file.toFile(), new TypeReference<List<Device>>() { });
        if (devices == null) {
            throw new IllegalArgumentException("device registry " + file + " must be a JSON array of devices");
        }
        return new DeviceRegistry(devices, neighbourhood);
    }

    /** Any device of this neighbourhood with that id, revoked or not. */
    public Optional<Device> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The device that authenticated with that PSK identity. */
    public Optional<Device> byPskIdentity(String identity) {
        return Optional.ofNullable(byIdentity.get(identity));
    }

    public int size() {
        return byId.size();
    }

    /**
     * The keys Scandium may use in handshakes: revoked devices are not in it, so their handshakes
     * fail the same way as an unknown identity's.
     */
    public AdvancedPskStore pskStore() {
        return pskStore;
    }

    /** Same devices, same keys: what a reload compares to decide whether anything changed. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceRegistry other && byId.equals(other.byId);
    }

    @Override
    public int hashCode() {
        return byId.hashCode();
    }
}
