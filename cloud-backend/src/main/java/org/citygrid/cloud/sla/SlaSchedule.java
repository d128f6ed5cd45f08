package org.citygrid.cloud.sla;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.citygrid.cloud.ledger.Deadlines;
import org.citygrid.cloud.store.KeyValueTable;
import org.citygrid.model.cases.Case;

/**
 * The SLA alarms of one partition, in a persistent store with a changelog: the clocks survive a
 * restart or a move to another instance, where timers in memory would be lost. Keys sort by due
 * time, so "what is due" is one range scan. It is the ledger's {@link Deadlines}: told of each case
 * a command changed, it sets the alarms {@link SlaPolicy} says the case needs.
 */
public final class SlaSchedule implements Deadlines {

    public static final String STORE = "sla-alarms";

    private final KeyValueTable<SlaAlarm> store;
    private final SlaPolicy policy;

    public SlaSchedule(KeyValueTable<SlaAlarm> store, SlaPolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    /**
     * Sets the one alarm the case's running stage needs next ({@link SlaPolicy#next}); when it fires, acting on it
     * (or finding it stale) sets the one after. An alarm already set is not written again.
     */
    @Override
    public void follow(Case c, Instant now) {
        policy.next(c, now).ifPresent(this::set);
    }

    /**
     * After {@code taken} fired and called for nothing (its stage finished, or the case already moved on): the
     * alarm the case needs now instead, unless that is the same alarm again.
     */
    public void followAfter(SlaAlarm taken, Case c, Instant now) {
        policy.next(c, now).filter(next -> !next.key().equals(taken.key())).ifPresent(this::set);
    }

    private void set(SlaAlarm alarm) {
        if (!alarm.equals(store.get(alarm.key()))) {
            store.put(alarm.key(), alarm);
        }
    }

    /** Removes and returns the alarms due at {@code now}, earliest first, at most {@code max}. */
    public List<SlaAlarm> takeDue(Instant now, int max) {
        List<SlaAlarm> due = store.upTo(SlaAlarm.upTo(now), max).stream().map(Map.Entry::getValue).toList();
        due.forEach(a -> store.delete(a.key()));
        return due;
    }
}
