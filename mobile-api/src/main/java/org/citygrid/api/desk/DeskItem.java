package org.citygrid.api.desk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.citygrid.api.places.Place;
import org.citygrid.model.cases.AllowedAction;

/**
 * One case in a queue: what a person needs to pick it, with where it is in names and how long it
 * has waited, and the steps they may take on it now ({@code allowedActions}, grid-model's
 * {@code CaseDecider}), so the step is one click away.
 *
 * @param caseNumber   the 案卷号 people read and say, once the case cycle numbered the filed case, or null
 * @param waitingSince when the case started waiting for this step (the report for 待受理/待立案,
 *                     else its last change)
 * @param late         past the deadline of its step, or marked overdue
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeskItem(String caseId, String caseNumber, long version, String state, String categoryCode, String gridCode,
                       Place place, String description, String channel, String department, String assignee,
                       String activeStage, Instant deadline, boolean late, boolean extensionRequested,
                       Instant reportedAt, Instant waitingSince, double lon, double lat,
                       List<AllowedAction> allowedActions) {

    public DeskItem withAllowedActions(List<AllowedAction> actions) {
        return new DeskItem(caseId, caseNumber, version, state, categoryCode, gridCode, place, description, channel, department,
                assignee, activeStage, deadline, late, extensionRequested, reportedAt, waitingSince, lon, lat, actions);
    }
}
