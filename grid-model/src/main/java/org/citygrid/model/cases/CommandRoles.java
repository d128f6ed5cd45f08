package org.citygrid.model.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which roles own which actions. The supervision centre (file, dismiss, close, void) and the
 * command centre (dispatch, extensions, suspension) are both operators here; the separation that
 * matters most is kept: handlers never check their own work and patrollers never dispatch.
 */
public final class CommandRoles {

    private CommandRoles() {
    }

    /** The roles allowed to ask for {@code action}. */
    public static Set<Role> allowed(CaseAction action) {
        return switch (action) {
            case CaseAction.Report r -> EnumSet.of(Role.RESIDENT, Role.GRID_WORKER, Role.OPERATOR, Role.SYSTEM);
            case CaseAction.Verify v -> EnumSet.of(Role.GRID_WORKER);
            case CaseAction.File f -> EnumSet.of(Role.OPERATOR, Role.SYSTEM);
            case CaseAction.Dismiss d -> EnumSet.of(Role.OPERATOR);
            case CaseAction.Dispatch d -> EnumSet.of(Role.OPERATOR, Role.SYSTEM);
            case CaseAction.Accept a -> EnumSet.of(Role.HANDLER);
            case CaseAction.Return r -> EnumSet.of(Role.HANDLER);
            case CaseAction.RequestExtension x -> EnumSet.of(Role.HANDLER);
            case CaseAction.ApproveExtension x -> EnumSet.of(Role.OPERATOR);
            case CaseAction.RejectExtension x -> EnumSet.of(Role.OPERATOR);
            case CaseAction.Suspend s -> EnumSet.of(Role.OPERATOR);
            case CaseAction.Resume r -> EnumSet.of(Role.OPERATOR);
            case CaseAction.ReportHandled h -> EnumSet.of(Role.HANDLER);
            case CaseAction.Check c -> EnumSet.of(Role.GRID_WORKER);
            case CaseAction.Close c -> EnumSet.of(Role.OPERATOR, Role.SYSTEM);
            case CaseAction.Void v -> EnumSet.of(Role.OPERATOR, Role.ADMIN);
            case CaseAction.MergeDuplicate m -> EnumSet.of(Role.OPERATOR, Role.SYSTEM);
            case CaseAction.ClearAlarm c -> EnumSet.of(Role.SYSTEM);
            case CaseAction.WarnDeadline w -> EnumSet.of(Role.SYSTEM);
            case CaseAction.MarkOverdue o -> EnumSet.of(Role.SYSTEM);
            case CaseAction.Escalate e -> EnumSet.of(Role.SYSTEM);
            case CaseAction.Rate r -> EnumSet.of(Role.RESIDENT);
        };
    }
}
