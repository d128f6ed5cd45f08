package org.citygrid.api.desk.persistence;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.citygrid.api.desk.DeskQueue;

/**
 * Which open cases each queue holds, as SQL conditions on a row of grid.cases (alias {@code c}),
 * and since when each has waited. The one place that says what a queue means in the read model.
 * Conditions with a parameter take the instant "now" ({@code ?}), in the order they appear.
 */
final class QueueSql {

    /** Channels whose reports wait for an on-site verification before the filing decision. */
    static final String VERIFIED_CHANNELS = "('RESIDENT', 'OPEN311', 'HOTLINE')";

    static final String LATE = "(cardinality(c.overdue) > 0 OR coalesce(c.deadline < ?, false))";

    private static final Map<DeskQueue, String> WHERE = new EnumMap<>(Map.ofEntries(
            Map.entry(DeskQueue.TO_ACCEPT, "c.state = 'REPORTED' AND c.channel IN " + VERIFIED_CHANNELS
                    + " AND c.snapshot->'verification' IS NULL"),
            Map.entry(DeskQueue.TO_FILE, "c.state = 'REPORTED' AND (c.channel NOT IN " + VERIFIED_CHANNELS
                    + " OR c.snapshot->'verification' IS NOT NULL)"),
            Map.entry(DeskQueue.TO_DISPATCH, "c.state = 'FILED' AND c.return_count = 0"),
            Map.entry(DeskQueue.RETURNED, "c.state = 'FILED' AND c.return_count > 0"),
            Map.entry(DeskQueue.EXTENSIONS, "c.state = 'IN_PROGRESS' AND c.pending_extension IS NOT NULL"),
            Map.entry(DeskQueue.HANDLING, "c.state IN ('DISPATCHED', 'IN_PROGRESS')"),
            Map.entry(DeskQueue.SUSPENDED, "c.state = 'SUSPENDED'"),
            Map.entry(DeskQueue.TO_CHECK, "c.state = 'HANDLED'"),
            Map.entry(DeskQueue.TO_CLOSE, "c.state = 'CHECK_PASSED'"),
            Map.entry(DeskQueue.TO_SIGN, "c.state = 'DISPATCHED'"),
            Map.entry(DeskQueue.IN_HAND, "c.state = 'IN_PROGRESS'")));

    private QueueSql() {
    }

    /** The condition of {@code queue}; for {@link DeskQueue#OVERDUE}, the late cases of the queues {@code among}. */
    static Condition of(DeskQueue queue, List<DeskQueue> among) {
        if (queue != DeskQueue.OVERDUE) {
            return new Condition("(" + WHERE.get(queue) + ")", 0);
        }
        String any = among.stream().filter(q -> q != DeskQueue.OVERDUE).map(WHERE::get)
                .collect(Collectors.joining(") OR (", "((", "))"));
        return new Condition("(" + LATE + " AND " + any + ")", 1);
    }

    /** Since when a case in {@code queue} has waited: the report for the intake queues, else its last change. */
    static String since(DeskQueue queue) {
        return queue == DeskQueue.TO_ACCEPT || queue == DeskQueue.TO_FILE ? "c.reported_at" : "c.updated_at";
    }

    /** A condition and how many "now" parameters it takes. */
    record Condition(String sql, int nows) {
    }
}
