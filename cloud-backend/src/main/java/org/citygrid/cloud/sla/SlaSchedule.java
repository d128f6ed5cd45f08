package org.citygrid.cloud.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The SLA alarms of one partition, in a persistent store with a changelog: the clocks survive a
 * restart or a move to another instance, where timers in memory would be lost. Keys sort by due
 * time, so "what is due" is one range scan.
 */
public final class SlaSchedule {

    public static final String STORE = "sla-alarms";

    private final KeyValueStore<String, SlaAlarm> store;

    public SlaSchedule(KeyValueStore<String, SlaAlarm> store) {
        this.store = store;
    }

    /** Removes and returns the alarms due at {@code now}, earliest first, at most {@code max}. */
    public List<SlaAlarm> takeDue(Instant now, int max) {
        List<SlaAlarm> due = new ArrayList<>();
        try (KeyValueIterator<String, SlaAlarm> it = store.range(null, SlaAlarm.upTo(now))) {
            while (it.hasNext() && due.size() < max) {
                KeyValue<String, SlaAlarm> next = it.next();
                due.add(next.value);
            }
        }
        due.forEach(a -> store.delete(a.key()));
        return due;
    }
}
