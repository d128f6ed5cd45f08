package org.citygrid.model.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.citygrid.model.casenumber.CaseNumber;
import org.citygrid.model.geo.GeoPoint;

/**
 * What a command asks to do to a case. Each action is a step or an exception path of the closed
 * loop; {@link CommandRoles} says who may ask for it and {@link CaseDecider} whether it may happen
 * now.
 */
public sealed interface CaseAction {

    /** 上报: open a case from a first report. */
    record Report(ReportDetails details) implements CaseAction {
        public Report {
            Objects.requireNonNull(details, "details");
        }
    }

    /**
     * 派发核实: the supervision centre sends a report to a named grid supervisor (监督员) to verify
     * on site, by a deadline on the category's clock. Sending it again to someone else re-assigns
     * the task (改派) and gives them the full time. The case cycle sends it by patrol area.
     *
     * @param supervisor the grid supervisor's user id
     */
    record AssignVerification(String supervisor, String note) implements CaseAction {
    }

    /**
     * 核实: a grid worker goes to the place of a report waiting to be filed and says whether the
     * problem is there, with photos taken on site. It does not file the case: the supervision
     * centre decides, with the worker's finding in front of it.
     *
     * @param found whether the problem is there as reported
     */
    record Verify(boolean found, String note, List<Evidence> evidence) implements CaseAction {
        public Verify {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /**
     * 更正: before filing, the supervision centre corrects what the reporter got wrong: the
     * category, the position (with the unit grid it falls in), or the component named. Fields left
     * {@code null} stay as reported.
     *
     * @param categoryCode  the right category, e.g. {@code E0102}
     * @param position      the right position, WGS 84
     * @param gridCode      the unit grid of {@code position}; required with it
     * @param componentCode the right component (部件标识码), see {@code ComponentCode}
     * @param reason        why, for the audit trail
     */
    record CorrectReport(String categoryCode, GeoPoint position, String gridCode, String componentCode, String reason)
            implements CaseAction {
    }

    /** 立案: the supervision centre accepts the report as a case. */
    record File(String note) implements CaseAction {
    }

    /** 不予立案: the report does not meet the filing criteria. */
    record Dismiss(String reason) implements CaseAction {
    }

    /**
     * 派遣: hand the case to a department; from {@link CaseState#FILED}, or as a re-dispatch by an
     * operator while a department still holds it.
     *
     * @param department department code
     * @param assignee   the handler chosen to spread load; {@code null} leaves it to the department
     */
    record Dispatch(String department, String assignee, String note) implements CaseAction {
    }

    /**
     * 回退至监督中心: the command centre gives a case back to the supervision centre because it was
     * filed wrongly (not a case, wrong category or place); it waits to be filed again.
     */
    record SendBack(String reason) implements CaseAction {
    }

    /** 接单: the department takes the task on. */
    record Accept() implements CaseAction {
    }

    /** 回退: the department says the case is not its responsibility. */
    record Return(String reason) implements CaseAction {
    }

    /**
     * 申请延期 or 申请缓办: the department asks for more handling time, or asks to put the work on
     * hold. Who may approve depends on how much time and how many extensions before
     * ({@link CaseRules#extensionApprovers}).
     *
     * @param extra  延期: the handling time to add; 缓办: how long the work would be on hold
     * @param reason why
     * @param kind   {@link ExtensionKind#EXTENSION} when {@code null}, as every request before 缓办 was
     */
    record RequestExtension(Duration extra, String reason, ExtensionKind kind) implements CaseAction {
        public RequestExtension {
            Objects.requireNonNull(extra, "extra");
        }

        /** A request for more time (延期). */
        public RequestExtension(Duration extra, String reason) {
            this(extra, reason, null);
        }

        /** What is asked for: {@link ExtensionKind#EXTENSION} unless said otherwise. */
        public ExtensionKind kindOrDefault() {
            return kind == null ? ExtensionKind.EXTENSION : kind;
        }
    }

    /** 批准延期 / 批准缓办: the approver the request needs grants it. */
    record ApproveExtension(String note) implements CaseAction {
    }

    /** 驳回延期 / 驳回缓办: the approver the request needs refuses it. */
    record RejectExtension(String reason) implements CaseAction {
    }

    /** 缓办: put the case on hold; the handling clock stops. */
    record Suspend(String reason) implements CaseAction {
    }

    /** Take a suspended case up again with the handling time it had left. */
    record Resume(String note) implements CaseAction {
    }

    /** 处置反馈: the department reports the problem handled, with evidence. */
    record ReportHandled(String note, List<Evidence> evidence) implements CaseAction {
        public ReportHandled {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /**
     * 派发核查: the supervision centre sends handled work to a named grid supervisor to check on site,
     * by a deadline; the check clock starts again from the task. Sending it again re-assigns it.
     */
    record AssignCheck(String supervisor, String note) implements CaseAction {
    }

    /** 核查: a patroller checks the work on site; a failed check sends it back for rework (返工). */
    record Check(boolean passed, String note, List<Evidence> evidence) implements CaseAction {
        public Check {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** 结案: close a case whose check passed, by the category's closing criteria (结案标准). */
    record Close(String note) implements CaseAction {
    }

    /** 作废: void the case, e.g. a report entered twice by mistake. */
    record Void(String reason) implements CaseAction {
    }

    /**
     * 挂账: a case that cannot be solved now (funding, season, works planned) goes on the ledger
     * with a reason: its clock stops and it leaves the overdue count until it is reviewed.
     *
     * @param reviewBy when the ledger entry should be looked at again; {@code null} for no date
     */
    record PutOnLedger(String reason, Instant reviewBy) implements CaseAction {
    }

    /** 销账: a ledger case is taken up again; it waits for dispatch. */
    record TakeOffLedger(String note) implements CaseAction {
    }

    /** 督办: the command centre formally presses the department holding the case, with a reason. */
    record Press(String reason) implements CaseAction {
    }

    /** 催办: the command centre reminds the department holding the case to hurry. */
    record Urge(String note) implements CaseAction {
    }

    /** 案卷号: the case cycle gives a filed case its readable number. */
    record AssignNumber(CaseNumber number) implements CaseAction {
        public AssignNumber {
            Objects.requireNonNull(number, "number");
        }
    }

    /** Attach a duplicate report to the open case instead of opening another. */
    record MergeDuplicate(ReportDetails duplicate) implements CaseAction {
        public MergeDuplicate {
            Objects.requireNonNull(duplicate, "duplicate");
        }
    }

    /**
     * The sensor whose alarm opened (or joined) the case reports normal values again. The case
     * goes on, since a handler still has to confirm the cause is fixed; the clear is evidence.
     *
     * @param episodeId the alarm episode that ended
     * @param sourceId  the intake id of the clear, so a resent clear is recognised
     */
    record ClearAlarm(String episodeId, String sourceId) implements CaseAction {
    }

    /** The SLA clock warns that a stage's deadline is near. */
    record WarnDeadline(Stage stage) implements CaseAction {
        public WarnDeadline {
            Objects.requireNonNull(stage, "stage");
        }
    }

    /** The SLA clock marks a stage overdue (超期). */
    record MarkOverdue(Stage stage) implements CaseAction {
        public MarkOverdue {
            Objects.requireNonNull(stage, "stage");
        }
    }

    /** 督办升级: an overdue case goes up one level (1: duty chief, 2: leadership). */
    record Escalate(int level) implements CaseAction {
    }

    /** 评价: the reporting resident rates the result, 1 (very dissatisfied) to 5 (very satisfied). */
    record Rate(int score, String comment) implements CaseAction {
    }
}
