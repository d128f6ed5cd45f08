package org.citygrid.cloud.indicators;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.citygrid.contracts.indicators.DailyTally;

/**
 * Sums a partition's indicator tallies per day and key between flushes, so that the regrouping
 * topic carries one record per key and flush instead of one per fact: a single report touches a
 * dozen keys (four area levels, category, department, person) three times (report, file,
 * dispatch), and a city reports all day. The buffer is a changelogged store, and a flush forwards
 * and clears it in the same transaction, so nothing is counted twice or lost on a crash.
 */
public final class IndicatorBuffer {

    public static final String STORE = "indicator-buffer";

    private final KeyValueStore<String, DailyTally> store;

    public IndicatorBuffer(KeyValueStore<String, DailyTally> store) {
        this.store = store;
    }

    public void add(DailyTally tally) {
        DailyTally held = store.get(tally.key());
        store.put(tally.key(), held == null ? tally : held.plus(tally));
    }

    /** Everything summed since the last flush; the buffer is empty afterwards. */
    public List<DailyTally> flush() {
        List<DailyTally> out = new ArrayList<>();
        try (KeyValueIterator<String, DailyTally> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, DailyTally> next = it.next();
                out.add(next.value);
            }
        }
        out.forEach(t -> store.delete(t.key()));
        return out;
    }
}
