package org.citygrid.model.category;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each step of a case may take for one category, in counted time.
 *
 * <p>Whether counted time means working hours on the holiday calendar or every hour of the clock is
 * the category's {@link SlaClockKind}; these durations are budgets to hand to that clock, not
 * wall-clock spans. Feedback (反馈) is part of handling and has no budget of its own.
 *
 * @param file     from report to filing (立案) by the supervision centre
 * @param dispatch from filing to dispatch (派遣) by the command centre
 * @param handle   from dispatch to the department's feedback that the problem is handled (处置)
 * @param check    from feedback to the on-site check (核查) that closes the case
 */
public record TimeLimits(Duration file, Duration dispatch, Duration handle, Duration check) {

    /** The steps of the closed loop that carry a time limit, in the order a case passes them. */
    public enum Step {
        FILE, DISPATCH, HANDLE, CHECK
    }

    public TimeLimits {
        requirePositive(file, "file");
        requirePositive(dispatch, "dispatch");
        requirePositive(handle, "handle");
        requirePositive(check, "check");
    }

    /** Limits given in hours, the unit the catalogue and the standards' tables use. */
    public static TimeLimits ofHours(double file, double dispatch, double handle, double check) {
        return new TimeLimits(hours(file), hours(dispatch), hours(handle), hours(check));
    }

    /** The limit of one step. */
    public Duration of(Step step) {
        return switch (step) {
            case FILE -> file;
            case DISPATCH -> dispatch;
            case HANDLE -> handle;
            case CHECK -> check;
        };
    }

    /** The sum of all steps: the budget from report to closure when every step uses its full limit. */
    public Duration total() {
        return file.plus(dispatch).plus(handle).plus(check);
    }

    private static Duration hours(double hours) {
        return Duration.ofSeconds(Math.round(hours * 3600));
    }

    private static void requirePositive(Duration limit, String step) {
        Objects.requireNonNull(limit, step);
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException(step + " limit must be positive, was " + limit);
        }
    }
}
