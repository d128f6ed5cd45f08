package org.citygrid.cloud.sla;

import java.time.Instant;
import org.citygrid.model.cases.Stage;

/**
 * A moment the SLA clock must look at a case again: warn of a deadline, mark it overdue, or
 * escalate an overdue case one level.
 *
 * @param caseId   the case
 * @param stage    the stage whose deadline it is about
 * @param deadline that stage's deadline when the alarm was set; if the case's deadline has moved
 *                 since (an extension, a new stage) the alarm is stale and is dropped
 * @param kind     what to do
 * @param level    for {@link Kind#ESCALATE}: the level to escalate to
 * @param dueAt    when to do it
 */
public record SlaAlarm(String caseId, Stage stage, Instant deadline, Kind kind, int level, Instant dueAt) {

    public enum Kind { WARN, OVERDUE, ESCALATE }

    /** Store key: ordered by due time, so a range scan up to "now" finds every due alarm. */
    public String key() {
        return String.format("%015d|%s|%s|%s|%d", dueAt.toEpochMilli(), caseId, stage, kind, level);
    }

    public static String upTo(Instant now) {
        return String.format("%015d|~", now.toEpochMilli());
    }
}
