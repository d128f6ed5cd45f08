package org.citygrid.model.cases;

import java.util.Objects;

/**
 * One step an actor may take on a case now, as {@link CaseDecider#allowedActions} lists it: what a
 * client needs to offer the step and to fill in its form, so that the case cycle would take it.
 * Whether the step may be taken at all (role, state, department, time) is decided; the values the
 * client sends (the reason's text, which department) are checked when the command comes.
 *
 * @param type       the action's wire name, the {@code "type"} of a command's action: {@code "Dispatch"}
 * @param redispatch for {@code Dispatch}: the case is with a department already and goes to another
 *                   (改派); only an operator may
 * @param reason     the action's {@code reason} text
 * @param note       the action's {@code note} text
 * @param evidence   the action's photos ({@code evidence}: photos the sender uploaded)
 * @param department the department to dispatch to
 * @param supervisor the grid supervisor a verification or check task goes to
 */
public record AllowedAction(String type, boolean redispatch, Need reason, Need note, Need evidence, Need department,
                            Need supervisor) {

    /** Whether a client must send a field of an action. */
    public enum Need {
        /** The action has no such field. */
        ABSENT,
        /** The action carries it if given. */
        OPTIONAL,
        /** A command without it is refused ({@code REASON_REQUIRED}, {@code EVIDENCE_REQUIRED}, {@code INVALID_VALUE}). */
        REQUIRED,
        /** Required when the action's outcome is negative: a {@code Verify} that did not find the problem, a failed {@code Check}. */
        REQUIRED_WHEN_NEGATIVE
    }

    public AllowedAction {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(supervisor, "supervisor");
    }
}
