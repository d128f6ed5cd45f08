package org.citygrid.cloud.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.citygrid.cloud.ledger.CaseTracker;
import org.citygrid.cloud.store.KeyValueTable;
import org.citygrid.contracts.indicators.DailyTally;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseEvent;

/**
 * Sums a partition's indicator tallies per day and key between flushes, so that the regrouping
 * topic carries one record per key and flush instead of one per fact: a single report touches a
 * dozen keys (four area levels, category, department, person) three times (report, file,
 * dispatch), and a city reports all day. The buffer is a changelogged store, and a flush forwards
 * and clears it in the same transaction, so nothing is counted twice or lost on a crash. It follows
 * every event the ledger records, with the tallies {@link IndicatorContributions} finds in it.
 */
public final class IndicatorBuffer implements CaseTracker {

    public static final String STORE = "indicator-buffer";

    private final KeyValueTable<DailyTally> store;
    private final IndicatorContributions contributions;

    public IndicatorBuffer(KeyValueTable<DailyTally> store, IndicatorContributions contributions) {
        this.store = store;
        this.contributions = contributions;
    }

    @Override
    public void follow(Case before, CaseEvent event, Case after) {
        contributions.of(before, event, after).forEach(this::add);
    }

    public void add(DailyTally tally) {
        DailyTally held = store.get(tally.key());
        store.put(tally.key(), held == null ? tally : held.plus(tally));
    }

    /** Everything summed since the last flush; the buffer is empty afterwards. */
    public List<DailyTally> flush() {
        List<DailyTally> out = new ArrayList<>(store.all().stream().map(Map.Entry::getValue).toList());
        out.forEach(t -> store.delete(t.key()));
        return out;
    }
}
