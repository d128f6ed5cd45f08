package org.citygrid.cloud.streams.stores;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.citygrid.cloud.store.KeyValueTable;

/**
 * A table whose writes wait in memory until {@link #commit()}, and vanish on {@link #discard()}:
 * what one input record changes reaches the state store all at once or not at all. So a record the
 * case cycle gives up on (and sets aside) leaves no half of its work behind, and a key written
 * several times for one record (a report's three steps touch the same tallies and indexes) is
 * written to the store once. Reads see the pending writes.
 */
public final class BufferedTable<V> implements KeyValueTable<V> {

    private final KeyValueTable<V> table;
    /** Pending writes in order; an empty value is a delete. */
    private final Map<String, Optional<V>> pending = new LinkedHashMap<>();

    public BufferedTable(KeyValueTable<V> table) {
        this.table = table;
    }

    @Override
    public V get(String key) {
        Optional<V> written = pending.get(key);
        return written != null ? written.orElse(null) : table.get(key);
    }

    @Override
    public void put(String key, V value) {
        pending.put(key, Optional.ofNullable(value));
    }

    @Override
    public void delete(String key) {
        pending.put(key, Optional.empty());
    }

    @Override
    public List<Map.Entry<String, V>> withPrefix(String prefix) {
        return merged(table.withPrefix(prefix), key -> key.startsWith(prefix), Integer.MAX_VALUE);
    }

    @Override
    public List<Map.Entry<String, V>> upTo(String last, int max) {
        if (pending.isEmpty()) {
            return table.upTo(last, max);
        }
        // a pending delete may hide entries the store would return: ask it for that many more
        return merged(table.upTo(last, max + pending.size()), key -> key.compareTo(last) <= 0, max);
    }

    @Override
    public List<Map.Entry<String, V>> all() {
        return merged(table.all(), key -> true, Integer.MAX_VALUE);
    }

    /** Writes what is pending to the store, in the order it was written. */
    public void commit() {
        pending.forEach((key, value) -> {
            if (value.isPresent()) {
                table.put(key, value.get());
            } else {
                table.delete(key);
            }
        });
        pending.clear();
    }

    public void discard() {
        pending.clear();
    }

    private List<Map.Entry<String, V>> merged(List<Map.Entry<String, V>> stored, Predicate<String> inRange, int max) {
        if (pending.isEmpty()) {
            return stored;
        }
        TreeMap<String, V> view = new TreeMap<>();
        stored.forEach(e -> view.put(e.getKey(), e.getValue()));
        pending.forEach((key, value) -> {
            if (inRange.test(key)) {
                value.ifPresentOrElse(v -> view.put(key, v), () -> view.remove(key));
            }
        });
        List<Map.Entry<String, V>> out = new ArrayList<>();
        for (Map.Entry<String, V> e : view.entrySet()) {
            if (out.size() == max) {
                break;
            }
            out.add(Map.entry(e.getKey(), e.getValue()));
        }
        return out;
    }
}
