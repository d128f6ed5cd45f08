package org.citygrid.model.cases;

/**
 * A step of the loop that runs against a time limit. Each stage's clock starts when the previous
 * step completes and stops when its own step does.
 */
public enum Stage {
    /** From report to filing or dismissal (supervision centre). */
    FILING,
    /** From filing to dispatch (command centre). */
    DISPATCH,
    /** From dispatch to the department's feedback, extensions and suspensions included. */
    HANDLING,
    /** From feedback to the on-site check. */
    CHECK
}
