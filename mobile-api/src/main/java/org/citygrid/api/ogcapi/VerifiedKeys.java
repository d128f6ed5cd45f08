package org.citygrid.api.ogcapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Map keys found good in the database, remembered for a short time: a GIS client opening a map asks
 * for dozens of tiles at once, and each would otherwise cost one more query. Only verified keys are
 * kept (a wrong key is looked up every time, so guesses cannot fill the cache), by the key's SHA-256,
 * at most {@code maxEntries} of them. A key disabled in the database (by hand, or revoked through
 * another instance) keeps working here until its entry expires; one revoked through this instance is
 * forgotten at once ({@link #forget}).
 */
final class VerifiedKeys {

    private record Entry(String keyId, Instant expires) {
    }

    private final Clock clock;
    private final Duration timeToLive;
    private final int maxEntries;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** @param timeToLive how long a verified key is believed; zero turns the cache off */
    VerifiedKeys(Clock clock, Duration timeToLive, int maxEntries) {
        if (timeToLive.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("a cache time of zero or more and room for at least one key");
        }
        this.clock = clock;
        this.timeToLive = timeToLive;
        this.maxEntries = maxEntries;
    }

    /** The id of the key with this hash, if it was verified less than the cache time ago. */
    Optional<String> get(String keyHash) {
        Entry entry = entries.get(keyHash);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(keyHash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.keyId());
    }

    void put(String keyHash, String keyId) {
        if (timeToLive.isZero()) {
            return;
        }
        Instant now = clock.instant();
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> !now.isBefore(e.expires()));
        }
        // still full of live entries: the one closest to expiry goes (a race may briefly exceed the bound by a few)
        while (entries.size() >= maxEntries) {
            entries.entrySet().stream().min(Comparator.comparing((Map.Entry<String, Entry> e) -> e.getValue().expires()))
                    .ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
        }
        entries.put(keyHash, new Entry(keyId, now.plus(timeToLive)));
    }

    /** Drops every entry of the key {@code keyId}: it was just revoked. */
    void forget(String keyId) {
        entries.values().removeIf(e -> e.keyId().equals(keyId));
    }

    int size() {
        return entries.size();
    }
}
