package org.citygrid.api.desk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A queue's count and its longest wait.
 *
 * @param oldestSince    when the case waiting longest started waiting (null when the queue is empty)
 * @param oldestWaitingSeconds how long that is now, in seconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueSummary(DeskQueue queue, long count, Instant oldestSince, Long oldestWaitingSeconds) {
}
