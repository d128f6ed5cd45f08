package org.citygrid.model.intake;

import java.time.Instant;
import java.util.Objects;

/**
 * An intake record the case cycle could not take, published on the rejections topic instead of
 * being dropped: the producer (or an operator) can see what went wrong and correct it.
 *
 * @param intakeId the record's id, or {@code null} when it was too malformed to have one
 * @param reason   the kind of problem
 * @param message  what was wrong, for a person
 * @param payload  the record as received (as text), so nothing is lost
 * @param at       when it was rejected
 */
public record IntakeRejection(String intakeId, Reason reason, String message, String payload, Instant at) {

    public enum Reason {
        /** Not JSON, an unknown version, or required fields missing. */
        MALFORMED,
        /** The position is in no unit grid, not even within the tolerance. */
        OUTSIDE_MANAGED_AREA,
        /** The category code is not in the catalogue. */
        UNKNOWN_CATEGORY,
        /** No category is raised by this sensor type. */
        UNKNOWN_SENSOR_TYPE,
        /** A clear for an alarm episode that has no open case. */
        UNMATCHED_CLEAR
    }

    public IntakeRejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }
}
