package org.citygrid.model.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a case's audit trail. The list of a case's events is its whole history: who did
 * what, when, and why; the current state is the fold of that list ({@link Case#replay}).
 *
 * @param caseId    the case
 * @param version   1 for the report, then one more for each event; never reused
 * @param at        when it happened (the time of the command that caused it)
 * @param actor     who caused it
 * @param commandId the command that caused it
 * @param change    what changed
 */
public record CaseEvent(String caseId, long version, Instant at, Actor actor, String commandId,
                        CaseChange change) {

    public CaseEvent {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(change, "change");
        if (version < 1) {
            throw new IllegalArgumentException("event versions start at 1: " + version);
        }
    }
}
