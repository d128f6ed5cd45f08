package org.citygrid.api.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One event of a case's history (grid.case_events), as the timeline shows it: who took the step by post
 * ({@code actorRole}) and department ({@code actorDepartment}, a handler's), and the change.
 */
public record TimelineEntry(long version, Instant at, String type, String actorId, String actorRole,
                            String actorDepartment, String commandId, JsonNode change) {
}
