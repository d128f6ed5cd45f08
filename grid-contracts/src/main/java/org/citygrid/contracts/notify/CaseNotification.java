package org.citygrid.contracts.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.citygrid.contracts.notify.NotificationIntent.Audience;
import org.citygrid.contracts.notify.NotificationIntent.What;
import org.citygrid.model.cases.CaseState;
import org.citygrid.model.cases.Stage;

/**
 * Everyone who must be told of one case event, and what: {@code grid.notifications} v2, one record
 * per event, keyed by {@code caseId}. The case cycle decides every audience, the case's reporters
 * included (as {@link Audience.Kind#REPORTER}, from the case's bounded followers), and puts in the
 * record what a person needs to read the message in their own language: the category, the case,
 * the step, the department, and for some steps the words a person gave (a dismissal's reason, a
 * verification's finding). A reader delivers each recipient's message (push, inbox, the desks'
 * lists) and decides nothing about who.
 *
 * <p>v1 ({@link NotificationIntent}) was one record per audience and left the reporters' messages to
 * the readers; docs/wire-formats.md says who reads which.
 *
 * @param notificationId {@code <caseId>:<caseVersion>}: stable, one per event, so a reader drops repeats;
 *                       {@code <notificationId>/<what>/<audience kind>/<audience id>} names one message
 * @param caseId       the case (its id is also its number for people: {@code 110101001001023-260302-5f0c9a1e})
 * @param caseVersion  the case version after the event
 * @param at           when the event happened
 * @param step         the event's change type as on {@code grid.case-events} ({@code Reported}, {@code Dispatched}...)
 * @param state        the case state after the event
 * @param categoryCode the case's category (the catalogue has its Chinese and English names)
 * @param gridCode     the case's unit grid
 * @param department   the department holding the case after the event, if any
 * @param stage        for deadline steps: the stage concerned
 * @param deadline     for deadline steps: its deadline
 * @param level        for escalations: the level (1 duty chief, 2 leadership)
 * @param found        for a verification: whether the grid worker found the problem on site
 * @param reason       the words a person gave with the step, where the message repeats them: why a
 *                     report was dismissed, a case voided, suspended or returned, an extension
 *                     refused; a failed check's or a verification's note
 * @param recipients   who is told what, in the order decided; never empty
 */
public record CaseNotification(String notificationId, String caseId, long caseVersion, Instant at, String step,
                               CaseState state, String categoryCode, String gridCode, String department, Stage stage,
                               Instant deadline, Integer level, Boolean found, String reason,
                               List<Recipient> recipients) {

    /** The schema version this record is on {@code grid.notifications}. */
    public static final int VERSION = 2;

    /** One message: what {@code audience} is told. */
    public record Recipient(What what, Audience audience) {

        public Recipient {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(audience, "audience");
        }
    }

    public CaseNotification {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(state, "state");
        recipients = List.copyOf(Objects.requireNonNull(recipients, "recipients"));
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a notification tells someone something; " + notificationId + " has no recipient");
        }
    }

    /** The same notification with one more recipient at the end. */
    public CaseNotification plus(Recipient recipient) {
        List<Recipient> more = new ArrayList<>(recipients);
        more.add(recipient);
        return new CaseNotification(notificationId, caseId, caseVersion, at, step, state, categoryCode, gridCode,
                department, stage, deadline, level, found, reason, more);
    }
}
