package org.citygrid.model.cases;

/**
 * Why a command was refused. Clients switch on the reason (to translate it or to offer the right
 * next step); people read the {@link Rejection#message()}.
 */
public enum RejectionReason {
    UNKNOWN_CASE,
    CASE_EXISTS,
    ROLE_NOT_ALLOWED,
    WRONG_STATE,
    NOT_YOUR_DEPARTMENT,
    REPORTER_MISMATCH,
    NOT_THE_REPORTER,
    CHECKER_IS_HANDLER,
    VERIFIER_IS_REPORTER,
    ALREADY_VERIFIED,
    REASON_REQUIRED,
    EVIDENCE_REQUIRED,
    INVALID_VALUE,
    UNKNOWN_CATEGORY,
    UNKNOWN_DEPARTMENT,
    NOT_AUTO_FILED,
    VERSION_CONFLICT,
    NO_PENDING_EXTENSION,
    EXTENSION_PENDING,
    ALREADY_RATED,
    ALREADY_FLAGGED,
    NOT_DUE,
    DEADLINE_PASSED,
    NOT_OVERDUE,
    ESCALATION_OUT_OF_ORDER,
    DUPLICATE_SOURCE,
    ALREADY_DISPATCHED_THERE,
    /** A verification or check task is open for another supervisor: only they may do it. */
    NOT_YOUR_TASK,
    /** The case cycle assigns a task only where none is open; re-assigning is the acceptor's. */
    TASK_ALREADY_ASSIGNED,
    /** The request needs an approver of a higher tier than the actor's post. */
    APPROVAL_TIER,
    /** The case has its number already. */
    ALREADY_NUMBERED
}
