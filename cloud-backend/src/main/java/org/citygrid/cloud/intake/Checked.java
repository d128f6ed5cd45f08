package org.citygrid.cloud.intake;

import org.citygrid.model.intake.IntakeRejection;

/**
 * The result of one intake step: the record, moved on, or the rejection that goes to
 * {@code grid.intake-rejections} with its reason and the payload as received.
 */
public sealed interface Checked<T> {

    record Passed<T>(T value) implements Checked<T> {
    }

    record Refused<T>(IntakeRejection rejection) implements Checked<T> {
    }

    static <T> Checked<T> passed(T value) {
        return new Passed<>(value);
    }

    static <T> Checked<T> refused(IntakeRejection rejection) {
        return new Refused<>(rejection);
    }
}
