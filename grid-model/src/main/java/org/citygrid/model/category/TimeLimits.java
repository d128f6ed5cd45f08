package org.citygrid.model.category;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each step of a case may take for one category, each in hours or working days.
 *
 * <p>Whether hours mean working hours on the holiday calendar or every hour of the clock is the
 * category's {@link SlaClockKind}; these limits are budgets to hand to that clock, not wall-clock
 * spans. Feedback (反馈) is part of handling and has no budget of its own.
 *
 * @param file     立案: from the report (or a verification's finding) to filing, dismissal or a verification task
 * @param verify   核实: from the verification task to the supervisor's finding
 * @param dispatch 派遣: from filing to dispatch by the command centre
 * @param handle   处置: from dispatch to the department's feedback
 * @param check    核查: from feedback (or the check task) to the on-site check
 * @param close    结案: from the passed check to closing the case
 */
public record TimeLimits(TimeLimit file, TimeLimit verify, TimeLimit dispatch, TimeLimit handle, TimeLimit check,
                         TimeLimit close) {

    /** The steps of the closed loop that carry a time limit, in the order a case passes them. */
    public enum Step {
        FILE, VERIFY, DISPATCH, HANDLE, CHECK, CLOSE
    }

    public TimeLimits {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(verify, "verify");
        Objects.requireNonNull(dispatch, "dispatch");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(close, "close");
    }

    /**
     * Limits given in hours, as catalogue files before format 2 wrote them; their verification
     * limit is the check limit and their closing limit the filing limit.
     */
    public static TimeLimits ofHours(double file, double dispatch, double handle, double check) {
        return new TimeLimits(TimeLimit.hours(file), TimeLimit.hours(check), TimeLimit.hours(dispatch),
                TimeLimit.hours(handle), TimeLimit.hours(check), TimeLimit.hours(file));
    }

    /** The limit of one step. */
    public TimeLimit of(Step step) {
        return switch (step) {
            case FILE -> file;
            case VERIFY -> verify;
            case DISPATCH -> dispatch;
            case HANDLE -> handle;
            case CHECK -> check;
            case CLOSE -> close;
        };
    }

    /** The counted time of one step, with {@code workingDay} the length of one working day. */
    public Duration of(Step step, Duration workingDay) {
        return of(step).toDuration(workingDay);
    }
}
