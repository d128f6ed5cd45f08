package org.citygrid.api.readmodel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.citygrid.model.cases.CaseEvent;

/**
 * The queries the API runs against cloud-backend's read model (schema grid). An interface so that
 * the contract with the other module is one short list, and its SQL lives in one class.
 */
public interface CaseReadModel {

    Optional<CaseRow> byId(String caseId);

    /** The case a report became (directly, or merged as a duplicate), once the projection shows it. */
    Optional<CaseRow> forIntake(String intakeId);

    List<TimelineEntry> timeline(String caseId);

    /** The case's events in version order, as the case cycle wrote them (grid.case_events.event). */
    List<CaseEvent> events(String caseId);

    /**
     * Cases on which {@code actorId} attached the photo {@code ref} to a step (a handler's or a
     * checker's evidence). Only that person's events are searched: evidence must be one's own upload.
     */
    List<CaseRow> withEvidenceFrom(String actorId, String ref);

    /** Open cases held by a department, nearest deadline first. */
    List<CaseRow> openForDepartment(String department, int limit);

    /**
     * A grid worker's work in these grids, nearest deadline first: reports through {@code channelsToVerify}
     * that wait to be filed and nobody has verified yet (核实), and handled cases to check (核查).
     */
    List<CaseRow> workerTasks(List<String> gridCodes, List<String> channelsToVerify, int limit);

    /** Cases in one of these states anywhere, oldest first. */
    List<CaseRow> inStates(List<String> states, int limit);

    /** Open cases whose active deadline has passed at {@code now}. */
    List<CaseRow> overdue(Instant now, int limit);

    /**
     * Cases for Open311's GET requests, newest first, a page at a time; every filter is optional (null).
     *
     * @param categoryCodes the categories a case may have (the public ones, or the one asked for)
     * @param open          true: not terminal; false: terminal
     * @param offset        cases skipped (earlier pages)
     */
    List<CaseRow> search(List<String> caseIds, List<String> categoryCodes, Instant from, Instant to, Boolean open,
                         int offset, int limit);

    /** The version at which the event caused by {@code commandId} was applied, if it was. */
    Optional<Long> appliedVersion(String commandId);
}
