package org.citygrid.cloud.store;

import java.util.List;
import java.util.Map;

/**
 * The state a follow-up keeps for its partition (open cases, handler load, SLA alarms, indicator
 * tallies), as the follow-up sees it: string keys in sorted order, values of one type. The follow-ups
 * speak this and nothing of Kafka Streams; the task's state stores implement it
 * ({@code streams.stores}), and a unit spec gives them a map.
 *
 * @param <V> the value type
 */
public interface KeyValueTable<V> {

    /** The value under {@code key}, or null. */
    V get(String key);

    void put(String key, V value);

    void delete(String key);

    /** Every entry whose key starts with {@code prefix}, in key order. */
    List<Map.Entry<String, V>> withPrefix(String prefix);

    /** The first entries up to {@code last} (inclusive), in key order, at most {@code max}. */
    List<Map.Entry<String, V>> upTo(String last, int max);

    /** Every entry, in key order. */
    List<Map.Entry<String, V>> all();
}
