package org.citygrid.model.cases;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

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

    /** 接单: the department takes the task on. */
    record Accept() implements CaseAction {
    }

    /** 回退: the department says the case is not its responsibility. */
    record Return(String reason) implements CaseAction {
    }

    /** 申请延期: the department asks for more handling time. */
    record RequestExtension(Duration extra, String reason) implements CaseAction {
        public RequestExtension {
            Objects.requireNonNull(extra, "extra");
        }
    }

    /** 批准延期: the command centre grants the pending request. */
    record ApproveExtension(String note) implements CaseAction {
    }

    /** 驳回延期: the command centre refuses the pending request. */
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

    /** 核查: a patroller checks the work on site; a failed check sends it back for rework (返工). */
    record Check(boolean passed, String note, List<Evidence> evidence) implements CaseAction {
        public Check {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** 结案: close a case whose check passed. */
    record Close(String note) implements CaseAction {
    }

    /** 作废: void the case, e.g. a report entered twice by mistake. */
    record Void(String reason) implements CaseAction {
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
