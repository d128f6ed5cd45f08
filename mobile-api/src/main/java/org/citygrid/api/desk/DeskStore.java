package org.citygrid.api.desk;

import java.time.Instant;
import java.util.List;

/**
 * The desk's reads of the read model: counts, pages and search. {@code department} scopes every
 * read to one department's cases (a handler's desk), or to none when null.
 */
public interface DeskStore {

    /** Each queue's count and oldest wait, in the order given. */
    List<QueueSummary> summaries(List<DeskQueue> queues, String department, Instant now);

    /**
     * One page of a queue, nearest deadline first (cases without one last).
     *
     * @param among for {@link DeskQueue#OVERDUE}: the post's queues the late cases are taken from
     */
    List<DeskItem> page(DeskQueue queue, List<DeskQueue> among, String department, Instant now, int offset, int limit);

    /**
     * Cases (open first, then the newest) whose case number or grid code starts with {@code text},
     * or whose description or place names contain it.
     */
    List<DeskItem> search(String text, String department, Instant now, int limit);
}
