package org.citygrid.cloud.notify;

import static org.citygrid.contracts.notify.NotificationIntent.What.*;

import java.util.ArrayList;
import java.util.List;
import org.citygrid.contracts.notify.NotificationIntent;
import org.citygrid.contracts.notify.NotificationIntent.Audience;
import org.citygrid.contracts.notify.NotificationIntent.What;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseChange;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.cases.CaseRules;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.cases.Stage;

/**
 * Decides who must be told what after one case event. People are told about their own part:
 * reporters follow their case, handlers hear of tasks, the desks of the two centres hear of work
 * waiting for them, and the community's public topic hears when a problem is taken up and when it
 * is fixed. Sensors report but are not told anything.
 */
public final class Notifier {

    public static final String SUPERVISION = "SUPERVISION";
    public static final String COMMAND = "COMMAND";
    public static final String DUTY_CHIEF = "DUTY_CHIEF";
    public static final String LEADERSHIP = "LEADERSHIP";

    private final CaseRules rules;

    public Notifier(CaseRules rules) {
        this.rules = rules;
    }

    public List<NotificationIntent> intents(Case before, CaseEvent event, Case after) {
        Sheet sheet = new Sheet(event, after);
        switch (event.change()) {
            case CaseChange.Reported r -> {
                if (r.details().channel() != Channel.SENSOR) {
                    sheet.add(REPORT_RECEIVED, Audience.user(r.details().reporterId()));
                }
                // a report its category files on its own needs no operator
                if (!rules.filesAutomatically(r.details().categoryCode(), r.details().channel())) {
                    sheet.add(REPORT_TO_FILE, Audience.role(SUPERVISION));
                    if (r.details().channel().isVerifiedOnSite()) {
                        sheet.add(VERIFY_NEEDED, Audience.grid(r.details().gridCode()));
                    }
                }
            }
            case CaseChange.Verified v -> sheet.add(REPORT_VERIFIED, Audience.role(SUPERVISION));
            case CaseChange.DuplicateMerged m -> {
                if (m.duplicate().channel() != Channel.SENSOR) {
                    sheet.add(REPORT_MERGED, Audience.user(m.duplicate().reporterId()));
                }
            }
            case CaseChange.Filed f -> {
                sheet.followers(CASE_FILED);
                sheet.add(CASE_FILED, Audience.community(after.gridCode().substring(0, 12)));
            }
            case CaseChange.Dismissed d -> sheet.followers(CASE_DISMISSED);
            case CaseChange.Dispatched d -> {
                sheet.add(TASK_ASSIGNED, d.assignee() != null ? Audience.user(d.assignee()) : Audience.department(d.department()));
                if (d.redispatch() && before != null) {
                    before.department().ifPresent(old -> sheet.add(TASK_WITHDRAWN, Audience.department(old)));
                }
                sheet.followers(CASE_DISPATCHED);
            }
            case CaseChange.Accepted a -> sheet.followers(CASE_IN_PROGRESS);
            case CaseChange.Returned r -> sheet.add(CASE_RETURNED, Audience.role(COMMAND));
            case CaseChange.ExtensionRequested x -> sheet.add(EXTENSION_REQUESTED, Audience.role(COMMAND));
            case CaseChange.ExtensionApproved x -> sheet.holder(EXTENSION_APPROVED);
            case CaseChange.ExtensionRejected x -> sheet.holder(EXTENSION_REJECTED);
            case CaseChange.Suspended s -> sheet.holder(CASE_SUSPENDED);
            case CaseChange.Resumed r -> sheet.holder(CASE_RESUMED);
            case CaseChange.Handled h -> {
                sheet.add(CHECK_NEEDED, Audience.grid(after.gridCode()));
                sheet.followers(CASE_HANDLED);
            }
            case CaseChange.CheckFailed f -> {
                if (before != null) {
                    before.department().ifPresent(dept -> sheet.add(REWORK, Audience.department(dept)));
                }
            }
            case CaseChange.CheckPassed p -> sheet.add(READY_TO_CLOSE, Audience.role(SUPERVISION));
            case CaseChange.Closed c -> {
                sheet.followers(CASE_CLOSED);
                sheet.add(CASE_CLOSED, Audience.community(after.gridCode().substring(0, 12)));
            }
            case CaseChange.Voided v -> sheet.followers(CASE_VOIDED);
            case CaseChange.AlarmCleared a -> sheet.holder(ALARM_CLEARED);
            case CaseChange.DeadlineApproaching w -> sheet.stageOwner(DEADLINE_APPROACHING, w.stage());
            case CaseChange.Overdue o -> {
                sheet.stageOwner(OVERDUE, o.stage());
                sheet.add(OVERDUE, Audience.role(COMMAND));
            }
            case CaseChange.Escalated e -> sheet.add(ESCALATED, Audience.role(e.level() >= 2 ? LEADERSHIP : DUTY_CHIEF));
            case CaseChange.Rated r -> after.department().ifPresent(d -> sheet.add(CASE_RATED, Audience.department(d)));
            // changes the posts of the two centres brought (grid-model, issue 15): no intent yet, until the
            // case cycle takes the posts up
            case CaseChange.VerificationAssigned v -> {
            }
            case CaseChange.ReportCorrected c -> {
            }
            case CaseChange.SentBack b -> {
            }
            case CaseChange.PostponementApproved p -> {
            }
            case CaseChange.CheckAssigned k -> {
            }
            case CaseChange.Ledgered l -> {
            }
            case CaseChange.LedgerCleared l -> {
            }
            case CaseChange.Pressed p -> {
            }
            case CaseChange.Urged u -> {
            }
            case CaseChange.Numbered n -> {
            }
        }
        return sheet.intents;
    }

    /** An intent for the command desk when automatic dispatch found no department to try. */
    public NotificationIntent dispatchNeeded(Case c, int index) {
        return new Sheet(null, c).intent(DISPATCH_NEEDED, Audience.role(COMMAND), index);
    }

    private static final class Sheet {
        final CaseEvent event;
        final Case after;
        final List<NotificationIntent> intents = new ArrayList<>();
        Stage stage;

        Sheet(CaseEvent event, Case after) {
            this.event = event;
            this.after = after;
        }

        void add(What what, Audience audience) {
            intents.add(intent(what, audience, intents.size()));
        }

        NotificationIntent intent(What what, Audience audience, int index) {
            String id = after.id() + ":" + after.version() + ":" + (event == null ? "x" : "") + index;
            return new NotificationIntent(id, after.id(), after.version(), event == null ? after.times().updatedAt() : event.at(),
                    what, audience, after.state(), after.categoryCode(), after.gridCode(),
                    after.department().orElse(null), stage, stage == null ? null : after.deadline(stage).orElse(null),
                    event != null && event.change() instanceof CaseChange.Escalated e ? e.level() : null);
        }

        /** Every person who reported the problem, sensors left out. */
        void followers(What what) {
            after.reports().people().forEach(f -> add(what, Audience.user(f)));
        }

        /** The handler holding the case, or its department when no one is named. */
        void holder(What what) {
            if (after.assignee().isPresent()) {
                add(what, Audience.user(after.assignee().get()));
            } else {
                after.department().ifPresent(d -> add(what, Audience.department(d)));
            }
        }

        /** Whoever owns the stage whose deadline is concerned. */
        void stageOwner(What what, Stage s) {
            this.stage = s;
            switch (s) {
                case FILING, VERIFICATION, CHECK, CLOSING -> add(what, Audience.role(SUPERVISION));
                case DISPATCH -> add(what, Audience.role(COMMAND));
                case HANDLING -> holder(what);
            }
            if (s == Stage.CHECK) {
                add(what, Audience.grid(after.gridCode()));
            }
        }
    }
}
