package org.citygrid.api.push;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every {@link PushChannel} of this server, by the provider name devices register with. */
@Singleton
public class PushChannels {

    private final Map<String, PushChannel> byProvider = new LinkedHashMap<>();

    PushChannels(List<PushChannel> channels) {
        for (PushChannel c : channels) {
            if (byProvider.putIfAbsent(c.provider(), c) != null) {
                throw new IllegalStateException("two push channels for provider " + c.provider());
            }
        }
    }

    public Optional<PushChannel> of(String provider) {
        return Optional.ofNullable(byProvider.get(provider));
    }

    /** The providers a device may register with, in the order the channels were found. */
    public List<String> providers() {
        return List.copyOf(byProvider.keySet());
    }

    public List<PushChannel> all() {
        return List.copyOf(byProvider.values());
    }
}
