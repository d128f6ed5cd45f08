package org.citygrid.api.desk;

import java.util.List;

/** One page of a queue, nearest deadline first, with the queue's count. */
public record QueuePage(DeskQueue queue, long total, int page, int size, List<DeskItem> items) {
}
