package org.citygrid.cloud.notify;

import static org.citygrid.contracts.notify.NotificationIntent.What.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.citygrid.cloud.ledger.Notices;
import org.citygrid.contracts.notify.CaseNotification;
import org.citygrid.contracts.notify.CaseNotification.Recipient;
import org.citygrid.contracts.notify.NotificationIntent.Audience;
import org.citygrid.contracts.notify.NotificationIntent.What;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseChange;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.cases.CaseRules;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.cases.Stage;

/**
 * Decides who must be told what after one case event: every audience, so a reader only delivers.
 * People are told about their own part: reporters follow their case (as {@code REPORTER}, from the
 * case's bounded followers), handlers hear of tasks, the desks of the two centres hear of work
 * waiting for them, and the community's public topic hears when a problem is taken up and when it
 * is fixed. Sensors report but are not told anything. The table is in docs/cloud-backend.md.
 */
public final class Notifier implements Notices {

    public static final String SUPERVISION = "SUPERVISION";
    public static final String COMMAND = "COMMAND";
    public static final String DUTY_CHIEF = "DUTY_CHIEF";
    public static final String LEADERSHIP = "LEADERSHIP";

    private final CaseRules rules;

    public Notifier(CaseRules rules) {
        this.rules = rules;
    }

    @Override
    public Optional<CaseNotification> of(Case before, CaseEvent event, Case after) {
        Sheet sheet = new Sheet(after);
        switch (event.change()) {
            case CaseChange.Reported r -> {
                if (r.details().channel() != Channel.SENSOR) {
                    sheet.add(REPORT_RECEIVED, Audience.reporter(r.details().reporterId()));
                }
                // a report its category files on its own needs no operator
                if (!rules.filesAutomatically(r.details().categoryCode(), r.details().channel())) {
                    sheet.add(REPORT_TO_FILE, Audience.role(SUPERVISION));
                    if (r.details().channel().isVerifiedOnSite()) {
                        sheet.add(VERIFY_NEEDED, Audience.grid(r.details().gridCode()));
                    }
                }
            }
            case CaseChange.Verified v -> {
                sheet.found = v.found();
                sheet.reason = v.note();
                sheet.add(REPORT_VERIFIED, Audience.role(SUPERVISION));
                sheet.reporters(REPORT_VERIFIED);
            }
            case CaseChange.DuplicateMerged m -> {
                if (m.duplicate().channel() != Channel.SENSOR) {
                    sheet.add(REPORT_MERGED, Audience.reporter(m.duplicate().reporterId()));
                }
            }
            case CaseChange.Filed f -> {
                sheet.reporters(CASE_FILED);
                sheet.add(CASE_FILED, Audience.community(community(after)));
            }
            case CaseChange.Dismissed d -> {
                sheet.reason = d.reason();
                sheet.reporters(CASE_DISMISSED);
            }
            case CaseChange.Dispatched d -> {
                sheet.add(TASK_ASSIGNED, d.assignee() != null ? Audience.user(d.assignee()) : Audience.department(d.department()));
                if (d.redispatch() && before != null) {
                    before.department().ifPresent(old -> sheet.add(TASK_WITHDRAWN, Audience.department(old)));
                }
                sheet.reporters(CASE_DISPATCHED);
            }
            case CaseChange.Accepted a -> sheet.reporters(CASE_IN_PROGRESS);
            case CaseChange.Returned r -> {
                sheet.reason = r.reason();
                sheet.add(CASE_RETURNED, Audience.role(COMMAND));
            }
            case CaseChange.ExtensionRequested x -> {
                sheet.reason = x.reason();
                sheet.add(EXTENSION_REQUESTED, Audience.role(COMMAND));
            }
            case CaseChange.ExtensionApproved x -> sheet.holder(EXTENSION_APPROVED);
            case CaseChange.ExtensionRejected x -> {
                sheet.reason = x.reason();
                sheet.holder(EXTENSION_REJECTED);
            }
            case CaseChange.Suspended s -> {
                sheet.reason = s.reason();
                sheet.holder(CASE_SUSPENDED);
                sheet.reporters(CASE_SUSPENDED);
            }
            case CaseChange.Resumed r -> {
                sheet.holder(CASE_RESUMED);
                sheet.reporters(CASE_RESUMED);
            }
            case CaseChange.Handled h -> {
                sheet.add(CHECK_NEEDED, Audience.grid(after.gridCode()));
                sheet.reporters(CASE_HANDLED);
            }
            case CaseChange.CheckFailed f -> {
                sheet.reason = f.note();
                if (before != null) {
                    before.department().ifPresent(dept -> sheet.add(REWORK, Audience.department(dept)));
                }
                sheet.reporters(CHECK_FAILED);
            }
            case CaseChange.CheckPassed p -> sheet.add(READY_TO_CLOSE, Audience.role(SUPERVISION));
            case CaseChange.Closed c -> {
                sheet.reporters(CASE_CLOSED);
                sheet.add(CASE_CLOSED, Audience.community(community(after)));
            }
            case CaseChange.Voided v -> {
                sheet.reason = v.reason();
                sheet.reporters(CASE_VOIDED);
            }
            case CaseChange.AlarmCleared a -> sheet.holder(ALARM_CLEARED);
            case CaseChange.DeadlineApproaching w -> sheet.stageOwner(DEADLINE_APPROACHING, w.stage());
            case CaseChange.Overdue o -> {
                sheet.stageOwner(OVERDUE, o.stage());
                sheet.add(OVERDUE, Audience.role(COMMAND));
            }
            case CaseChange.Escalated e -> {
                sheet.level = e.level();
                sheet.add(ESCALATED, Audience.role(e.level() >= 2 ? LEADERSHIP : DUTY_CHIEF));
            }
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
        return sheet.recipients.isEmpty() ? Optional.empty() : Optional.of(sheet.notification(event));
    }

    @Override
    public CaseNotification withDispatchNeeded(Optional<CaseNotification> ofEvent, CaseEvent last, Case c) {
        Recipient desk = new Recipient(DISPATCH_NEEDED, Audience.role(COMMAND));
        return ofEvent.map(n -> n.plus(desk)).orElseGet(() -> {
            Sheet sheet = new Sheet(c);
            sheet.recipients.add(desk);
            return sheet.notification(last);
        });
    }

    private static String community(Case c) {
        return c.gridCode().substring(0, 12);
    }

    /** One event's notification as it is being decided. */
    private static final class Sheet {
        final Case after;
        final List<Recipient> recipients = new ArrayList<>();
        Stage stage;
        Integer level;
        Boolean found;
        String reason;

        Sheet(Case after) {
            this.after = after;
        }

        void add(What what, Audience audience) {
            recipients.add(new Recipient(what, audience));
        }

        CaseNotification notification(CaseEvent event) {
            return new CaseNotification(event.caseId() + ":" + event.version(), event.caseId(), event.version(),
                    event.at(), event.change().getClass().getSimpleName(), after.state(), after.categoryCode(),
                    after.gridCode(), after.department().orElse(null), stage,
                    stage == null ? null : after.deadline(stage).orElse(null), level, found,
                    reason == null || reason.isBlank() ? null : reason, recipients);
        }

        /** Every person who reported the problem (the case's bounded followers), sensors left out. */
        void reporters(What what) {
            after.reports().people().forEach(f -> add(what, Audience.reporter(f)));
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
