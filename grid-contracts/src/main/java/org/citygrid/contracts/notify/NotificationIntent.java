package org.citygrid.contracts.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.citygrid.model.cases.CaseState;
import org.citygrid.model.cases.Stage;

/**
 * "Someone must be told something about a case": {@code grid.notifications} v1, one record per
 * audience. Superseded by {@link CaseNotification} (v2, one record per event with every audience,
 * the reporters included); the case cycle writes the v1 records of a notification too
 * ({@link #of(CaseNotification)}) until every reader has switched, and v1 records stay on the topic
 * for its retention. The case cycle decides who and what; a reader decides how (push, SSE, the
 * operators' list) and in which language, from {@link #what} and the fields.
 *
 * @param intentId    {@code <caseId>:<version>:<n>}: stable, so a consumer can drop repeats
 * @param caseId      the case
 * @param caseVersion the case version after the event that caused it
 * @param at          when that event happened
 * @param what        what happened, from the audience's point of view (see {@link What})
 * @param audience    who must be told
 * @param state       the case state after the event
 * @param categoryCode the case's category
 * @param gridCode    the case's grid
 * @param department  the department holding the case, if any
 * @param stage       for deadline intents: the stage
 * @param deadline    for deadline intents: the deadline
 * @param level       for escalations: the level (1 duty chief, 2 leadership)
 */
public record NotificationIntent(String intentId, String caseId, long caseVersion, Instant at, What what,
                                 Audience audience, CaseState state, String categoryCode, String gridCode,
                                 String department, Stage stage, Instant deadline, Integer level) {

    public NotificationIntent {
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(audience, "audience");
    }

    /** What v1 told reporters (as {@code USER}); v2 tells them more, which a v1 reader would misread. */
    private static final Set<What> TOLD_TO_REPORTERS_IN_V1 = EnumSet.of(What.REPORT_RECEIVED,
            What.REPORT_MERGED, What.CASE_FILED, What.CASE_DISMISSED, What.CASE_DISPATCHED, What.CASE_IN_PROGRESS,
            What.CASE_HANDLED, What.CASE_CLOSED, What.CASE_VOIDED);

    /**
     * The v1 records of a v2 notification, for readers that have not switched: one per recipient, a
     * reporter named as {@code USER}, and without the reporters' messages v1 did not have (a v1
     * reader pushes those from the case events itself). Ids are {@code <caseId>:<version>:<n>}.
     */
    public static List<NotificationIntent> of(CaseNotification n) {
        List<NotificationIntent> out = new ArrayList<>();
        for (CaseNotification.Recipient r : n.recipients()) {
            Audience audience = r.audience();
            if (audience.kind() == Audience.Kind.REPORTER) {
                if (!TOLD_TO_REPORTERS_IN_V1.contains(r.what())) {
                    continue;
                }
                audience = Audience.user(audience.id());
            }
            out.add(new NotificationIntent(n.caseId() + ":" + n.caseVersion() + ":" + out.size(), n.caseId(),
                    n.caseVersion(), n.at(), r.what(), audience, n.state(), n.categoryCode(), n.gridCode(),
                    n.department(), n.stage(), n.deadline(), n.level()));
        }
        return out;
    }

    /** What the audience is told. */
    public enum What {
        /** To the reporter: the report arrived and is a case now. */
        REPORT_RECEIVED,
        /** To the supervision centre: a report waits to be filed or dismissed. */
        REPORT_TO_FILE,
        /** To the grid's workers: a report from outside the patrol waits to be verified on site (核实). */
        VERIFY_NEEDED,
        /** To the supervision centre: a grid worker verified a report waiting to be filed. */
        REPORT_VERIFIED,
        /** To a reporter whose report joined an existing case. */
        REPORT_MERGED,
        CASE_FILED,
        CASE_DISMISSED,
        /** To the reporters (v2 only): the on-site check found more to do; the case went back for rework. */
        CHECK_FAILED,
        /** To the handler or department: a task was given to you. */
        TASK_ASSIGNED,
        /** To the department a case was taken from. */
        TASK_WITHDRAWN,
        /** To the reporters. */
        CASE_DISPATCHED,
        CASE_IN_PROGRESS,
        /** To the command centre: a department gave a case back; dispatch it again. */
        CASE_RETURNED,
        /** To the command centre: no department is left to dispatch to automatically. */
        DISPATCH_NEEDED,
        EXTENSION_REQUESTED,
        EXTENSION_APPROVED,
        EXTENSION_REJECTED,
        CASE_SUSPENDED,
        CASE_RESUMED,
        /** To the grid's patrollers: check the work on site. */
        CHECK_NEEDED,
        CASE_HANDLED,
        /** To the department: the check failed, do it again. */
        REWORK,
        /** To the supervision centre: the check passed; close the case. */
        READY_TO_CLOSE,
        CASE_CLOSED,
        CASE_VOIDED,
        ALARM_CLEARED,
        DEADLINE_APPROACHING,
        OVERDUE,
        ESCALATED,
        CASE_RATED
    }

    /**
     * Who is told. {@code USER}: one user id. {@code DEPARTMENT}: every handler of a department.
     * {@code ROLE}: a desk: {@code SUPERVISION} (filing, checking, closing), {@code COMMAND}
     * (dispatch), {@code DUTY_CHIEF}, {@code LEADERSHIP}. {@code GRID}: the grid workers of a unit
     * grid. {@code COMMUNITY}: the public topic of a community (FCM topic in mobile-api).
     * {@code REPORTER} (v2 only): a person told as one who reported the case, one of its followers;
     * a v1 record names them as {@code USER}.
     */
    public record Audience(Kind kind, String id) {

        public enum Kind { USER, DEPARTMENT, ROLE, GRID, COMMUNITY, REPORTER }

        public Audience {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
        }

        public static Audience user(String id) {
            return new Audience(Kind.USER, id);
        }

        public static Audience reporter(String id) {
            return new Audience(Kind.REPORTER, id);
        }

        public static Audience department(String code) {
            return new Audience(Kind.DEPARTMENT, code);
        }

        public static Audience role(String desk) {
            return new Audience(Kind.ROLE, desk);
        }

        public static Audience grid(String code) {
            return new Audience(Kind.GRID, code);
        }

        public static Audience community(String code) {
            return new Audience(Kind.COMMUNITY, code);
        }
    }
}
