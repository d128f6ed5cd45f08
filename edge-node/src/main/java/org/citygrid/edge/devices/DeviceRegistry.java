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

/**
 * The devices of one neighbourhood, from the registry file the operator manages: a JSON array of
 * {@link Device} objects. Entries of other neighbourhoods are left out, so a device of the next
 * community cannot use this node. Immutable: a reload of the file makes a new one.
 */
public final class DeviceRegistry {

    private final Map<String, Device> byId;
    private final Map<String, Device> byIdentity;

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
     * The devices that may start a DTLS session: revoked ones are left out, so their handshakes
     * fail the same way as an unknown identity's.
     */
    public List<Device> active() {
        return byId.values().stream().filter(d -> !d.revoked()).toList();
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
