package org.citygrid.model.cases;

import java.util.Objects;

/**
 * A refused command: a typed reason and a sentence a person can act on, such as
 * "only the department the case is dispatched to (SANITATION) may report it handled".
 */
public record Rejection(RejectionReason reason, String message) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
