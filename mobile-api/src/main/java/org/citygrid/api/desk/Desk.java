package org.citygrid.api.desk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A person's desk: their post, the department they work for (handlers), whether it is an overview to
 * read (the leader's: {@link DeskPosts#readOnly}), and each queue's count and oldest wait, in the order of the loop.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Desk(String post, String department, boolean readOnly, List<QueueSummary> queues) {
}
