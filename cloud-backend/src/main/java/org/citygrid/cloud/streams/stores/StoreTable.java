package org.citygrid.cloud.streams.stores;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.citygrid.cloud.store.KeyValueTable;

/** A follow-up's {@link KeyValueTable} on a task's persistent, changelogged state store. */
public final class StoreTable<V> implements KeyValueTable<V> {

    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, V> store;

    public StoreTable(KeyValueStore<String, V> store) {
        this.store = store;
    }

    @Override
    public V get(String key) {
        return store.get(key);
    }

    @Override
    public void put(String key, V value) {
        store.put(key, value);
    }

    @Override
    public void delete(String key) {
        store.delete(key);
    }

    @Override
    public List<Map.Entry<String, V>> withPrefix(String prefix) {
        try (KeyValueIterator<String, V> it = store.prefixScan(prefix, KEYS)) {
            return drain(it, Integer.MAX_VALUE);
        }
    }

    @Override
    public List<Map.Entry<String, V>> upTo(String last, int max) {
        try (KeyValueIterator<String, V> it = store.range(null, last)) {
            return drain(it, max);
        }
    }

    @Override
    public List<Map.Entry<String, V>> all() {
        try (KeyValueIterator<String, V> it = store.all()) {
            return drain(it, Integer.MAX_VALUE);
        }
    }

    private static <V> List<Map.Entry<String, V>> drain(KeyValueIterator<String, V> it, int max) {
        List<Map.Entry<String, V>> out = new ArrayList<>();
        while (it.hasNext() && out.size() < max) {
            KeyValue<String, V> next = it.next();
            out.add(Map.entry(next.key, next.value));
        }
        return out;
    }
}
