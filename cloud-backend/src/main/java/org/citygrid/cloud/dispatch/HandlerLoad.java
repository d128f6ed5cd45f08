package org.citygrid.cloud.dispatch;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.citygrid.cloud.ledger.CaseTracker;
import org.citygrid.cloud.store.KeyValueTable;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.cases.CaseState;

/**
 * How many open tasks each handler holds, and the choice of handler that spreads the load: the
 * one with the fewest, ties broken by a hash of the case id so equal handlers take turns instead of
 * the first in the list taking every tie.
 *
 * <p>A handler holds a task from dispatch (or accepting it) until feedback, a return, a
 * re-dispatch elsewhere or the end of the case. Counts are per partition: a handler who serves
 * several communities on different partitions is counted on each separately, which spreads load
 * within each community, the unit work is planned in.
 */
public final class HandlerLoad implements CaseTracker {

    public static final String STORE = "handler-load";

    private final KeyValueTable<Long> store;

    public HandlerLoad(KeyValueTable<Long> store) {
        this.store = store;
    }

    public long of(String handler) {
        Long load = store.get(handler);
        return load == null ? 0 : load;
    }

    public Optional<String> choose(List<String> handlers, String caseId, Optional<String> preferred) {
        if (handlers.isEmpty()) {
            return Optional.empty();
        }
        if (preferred.isPresent() && handlers.contains(preferred.get())) {
            return preferred;
        }
        int turn = Math.floorMod(caseId.hashCode(), handlers.size());
        Comparator<Integer> byLoad = Comparator.comparingLong(i -> of(handlers.get(i)));
        Comparator<Integer> byTurn = Comparator.comparingInt(i -> Math.floorMod(i - turn, handlers.size()));
        return IntStream.range(0, handlers.size()).boxed()
                .min(byLoad.thenComparing(byTurn))
                .map(handlers::get);
    }

    /** Moves the task from whoever held it before the event to whoever holds it after. */
    @Override
    public void follow(Case before, CaseEvent event, Case after) {
        String was = holder(before);
        String is = holder(after);
        if (was != null && was.equals(is)) {
            return;
        }
        if (was != null) {
            long left = of(was) - 1;
            if (left <= 0) {
                store.delete(was);
            } else {
                store.put(was, left);
            }
        }
        if (is != null) {
            store.put(is, of(is) + 1);
        }
    }

    private static String holder(Case c) {
        if (c == null) {
            return null;
        }
        CaseState s = c.state();
        boolean held = s == CaseState.DISPATCHED || s == CaseState.IN_PROGRESS || s == CaseState.SUSPENDED;
        return held ? c.assignee().orElse(null) : null;
    }
}
