package org.citygrid.model.cases;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a case reached the milestones that the indicators and the views measure from. Each is the
 * time of the event that reached it (the time of its command), never the time it was processed.
 * Immutable; {@link Case#apply} moves it on.
 */
public final class CaseTimes {

    private final Instant reportedAt;
    private final Instant filedAt;
    private final Instant firstDispatchedAt;
    private final Instant handledAt;
    private final Instant closedAt;
    private final Instant updatedAt;

    /**
     * @param reportedAt        when the first report opened the case
     * @param filedAt           when it was filed (立案), or {@code null}
     * @param firstDispatchedAt when a department got it the first time (派遣), or {@code null}
     * @param handledAt         the latest feedback of a department (处置反馈), or {@code null}
     * @param closedAt          when it reached a terminal state, or {@code null}
     * @param updatedAt         the time of its latest event
     */
    public CaseTimes(Instant reportedAt, Instant filedAt, Instant firstDispatchedAt, Instant handledAt,
                     Instant closedAt, Instant updatedAt) {
        this.reportedAt = Objects.requireNonNull(reportedAt, "reportedAt");
        this.filedAt = filedAt;
        this.firstDispatchedAt = firstDispatchedAt;
        this.handledAt = handledAt;
        this.closedAt = closedAt;
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The times of a case opened by a report at {@code at}. */
    public static CaseTimes reported(Instant at) {
        return new CaseTimes(at, null, null, null, null, at);
    }

    /** When the first report opened the case. */
    public Instant reportedAt() {
        return reportedAt;
    }

    /** When it was filed (立案); a case that was dismissed never is. */
    public Optional<Instant> filedAt() {
        return Optional.ofNullable(filedAt);
    }

    /** When a department got it the first time; a re-dispatch or a dispatch after a return keeps it. */
    public Optional<Instant> firstDispatchedAt() {
        return Optional.ofNullable(firstDispatchedAt);
    }

    /** The latest feedback from a department (处置反馈). */
    public Optional<Instant> handledAt() {
        return Optional.ofNullable(handledAt);
    }

    /** When the case reached a terminal state: closed, dismissed or voided. */
    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    /** The time of the latest event. */
    public Instant updatedAt() {
        return updatedAt;
    }

    CaseTimes updated(Instant at) {
        return new CaseTimes(reportedAt, filedAt, firstDispatchedAt, handledAt, closedAt, at);
    }

    CaseTimes filed(Instant at) {
        return new CaseTimes(reportedAt, at, firstDispatchedAt, handledAt, closedAt, updatedAt);
    }

    CaseTimes dispatched(Instant at) {
        return firstDispatchedAt != null ? this
                : new CaseTimes(reportedAt, filedAt, at, handledAt, closedAt, updatedAt);
    }

    CaseTimes handled(Instant at) {
        return new CaseTimes(reportedAt, filedAt, firstDispatchedAt, at, closedAt, updatedAt);
    }

    CaseTimes closed(Instant at) {
        return new CaseTimes(reportedAt, filedAt, firstDispatchedAt, handledAt, at, updatedAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaseTimes t && t.reportedAt.equals(reportedAt) && Objects.equals(t.filedAt, filedAt)
                && Objects.equals(t.firstDispatchedAt, firstDispatchedAt) && Objects.equals(t.handledAt, handledAt)
                && Objects.equals(t.closedAt, closedAt) && t.updatedAt.equals(updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reportedAt, filedAt, firstDispatchedAt, handledAt, closedAt, updatedAt);
    }

    @Override
    public String toString() {
        return "CaseTimes[reported " + reportedAt + ", filed " + filedAt + ", first dispatched " + firstDispatchedAt
                + ", handled " + handledAt + ", closed " + closedAt + ", updated " + updatedAt + "]";
    }
}
