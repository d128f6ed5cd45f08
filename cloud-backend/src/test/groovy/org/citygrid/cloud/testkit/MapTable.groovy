package org.citygrid.cloud.testkit

import org.citygrid.cloud.store.KeyValueTable

/** A follow-up's table in a sorted map, for unit specs on plain objects: what a state store does, in memory. */
class MapTable<V> implements KeyValueTable<V> {

    final TreeMap<String, V> map = new TreeMap<>()
    /** Every put and delete that reached the table, in order: {@code put key} or {@code delete key}. */
    final List<String> writes = []

    V get(String key) { map.get(key) }

    void put(String key, V value) {
        writes << "put ${key}".toString()
        map.put(key, value)
    }

    void delete(String key) {
        writes << "delete ${key}".toString()
        map.remove(key)
    }

    List<Map.Entry<String, V>> withPrefix(String prefix) {
        map.findAll { it.key.startsWith(prefix) }.collect { Map.entry(it.key, it.value) }
    }

    List<Map.Entry<String, V>> upTo(String last, int max) {
        map.headMap(last, true).collect { Map.entry(it.key, it.value) }.take(max)
    }

    List<Map.Entry<String, V>> all() {
        map.collect { Map.entry(it.key, it.value) }
    }
}
