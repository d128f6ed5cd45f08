package org.citygrid.model.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A grid-management case (案件): one problem in the public space, from its first report to its
 * evaluation. Immutable; every change comes from applying a {@link CaseEvent}, so the event list is
 * the audit trail and the case is its fold.
 *
 * <p>Whether a change is allowed is decided by {@link CaseDecider}; {@link #apply} only records what
 * was decided and refuses events that do not follow on (wrong case, version gap).
 */
public final class Case {

    /** A department's request for more handling time, waiting for the command centre. */
    public record PendingExtension(Duration extra, String reason, String requestedBy) {
    }

    /** A grid worker's on-site finding on the report, before it was filed or dismissed. */
    public record Verification(String verifier, Instant at, boolean found, String note) {
    }

    /** Why and since when a case is on hold, and what it returns to. */
    public record Suspension(Instant since, CaseState resumeTo, Duration remaining, String reason) {
    }

    private final String id;
    private final long version;
    private final CaseState state;
    private final ReportDetails report;
    private final List<ReportDetails> duplicates;
    private final Set<String> followers;
    private final Set<String> clearedEpisodes;
    private final String department;
    private final String assignee;
    private final String handledBy;
    private final Map<Stage, Instant> deadlines;
    private final Set<Stage> warned;
    private final Set<Stage> overdue;
    private final int overdueCount;
    private final int escalationLevel;
    private final PendingExtension pendingExtension;
    private final Verification verification;
    private final Suspension suspension;
    private final int reworkCount;
    private final int returnCount;
    private final Set<Stage> lateStages;
    private final Instant reportedAt;
    private final Instant filedAt;
    private final Instant firstDispatchedAt;
    private final Instant handledAt;
    private final Instant closedAt;
    private final Integer rating;
    private final Instant updatedAt;

    private Case(Builder b) {
        this.id = b.id;
        this.version = b.version;
        this.state = b.state;
        this.report = b.report;
        this.duplicates = List.copyOf(b.duplicates);
        this.followers = Collections.unmodifiableSet(new LinkedHashSet<>(b.followers));
        this.clearedEpisodes = Collections.unmodifiableSet(new LinkedHashSet<>(b.clearedEpisodes));
        this.department = b.department;
        this.assignee = b.assignee;
        this.handledBy = b.handledBy;
        this.deadlines = Collections.unmodifiableMap(new EnumMap<>(b.deadlines));
        this.warned = Collections.unmodifiableSet(copyOf(b.warned));
        this.overdue = Collections.unmodifiableSet(copyOf(b.overdue));
        this.overdueCount = b.overdueCount;
        this.escalationLevel = b.escalationLevel;
        this.pendingExtension = b.pendingExtension;
        this.verification = b.verification;
        this.suspension = b.suspension;
        this.reworkCount = b.reworkCount;
        this.returnCount = b.returnCount;
        this.lateStages = Collections.unmodifiableSet(copyOf(b.lateStages));
        this.reportedAt = b.reportedAt;
        this.filedAt = b.filedAt;
        this.firstDispatchedAt = b.firstDispatchedAt;
        this.handledAt = b.handledAt;
        this.closedAt = b.closedAt;
        this.rating = b.rating;
        this.updatedAt = b.updatedAt;
    }

    /** Rebuilds a case from its full, ordered event list. */
    public static Case replay(List<CaseEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a case starts with its report; no events given");
        }
        Case c = open(events.get(0));
        for (CaseEvent e : events.subList(1, events.size())) {
            c = c.apply(e);
        }
        return c;
    }

    /** The case its first event, a {@link CaseChange.Reported}, opens. */
    public static Case open(CaseEvent first) {
        if (!(first.change() instanceof CaseChange.Reported reported) || first.version() != 1) {
            throw new IllegalArgumentException("a case opens with its report as version 1, not " + first);
        }
        Builder b = new Builder();
        b.id = first.caseId();
        b.version = 1;
        b.state = CaseState.REPORTED;
        b.report = reported.details();
        b.followers.add(reported.details().reporterId());
        b.deadlines.put(Stage.FILING, reported.filingDeadline());
        b.reportedAt = first.at();
        b.updatedAt = first.at();
        return new Case(b);
    }

    /**
     * The case after {@code event}.
     *
     * @throws IllegalArgumentException if the event belongs to another case or does not directly
     *                                  follow this version: a gap means history was lost
     */
    public Case apply(CaseEvent event) {
        if (!event.caseId().equals(id)) {
            throw new IllegalArgumentException("event for case " + event.caseId() + " applied to case " + id);
        }
        if (event.version() != version + 1) {
            throw new IllegalArgumentException("case " + id + " is at version " + version
                    + "; event version " + event.version() + " does not follow on");
        }
        Builder b = new Builder(this);
        b.version = event.version();
        b.updatedAt = event.at();
        Instant at = event.at();
        switch (event.change()) {
            case CaseChange.Reported r -> throw new IllegalArgumentException("case " + id + " is already reported");
            case CaseChange.Verified v -> b.verification = new Verification(v.verifier(), at, v.found(), v.note());
            case CaseChange.Filed f -> {
                b.noteIfLate(Stage.FILING, at);
                b.state = CaseState.FILED;
                b.filedAt = at;
                b.startStage(Stage.DISPATCH, f.dispatchDeadline());
            }
            case CaseChange.Dismissed d -> {
                b.noteIfLate(Stage.FILING, at);
                b.state = CaseState.DISMISSED;
                b.closedAt = at;
                b.stopClocks();
            }
            case CaseChange.Dispatched d -> {
                b.noteIfLate(Stage.DISPATCH, at);
                b.state = CaseState.DISPATCHED;
                b.department = d.department();
                b.assignee = d.assignee();
                b.pendingExtension = null;
                if (b.firstDispatchedAt == null) {
                    b.firstDispatchedAt = at;
                }
                b.startStage(Stage.HANDLING, d.handlingDeadline());
            }
            case CaseChange.Accepted a -> {
                b.state = CaseState.IN_PROGRESS;
                b.assignee = a.handler();
            }
            case CaseChange.Returned r -> {
                b.state = CaseState.FILED;
                b.department = null;
                b.assignee = null;
                b.pendingExtension = null;
                b.returnCount++;
                b.startStage(Stage.DISPATCH, r.dispatchDeadline());
            }
            case CaseChange.ExtensionRequested x ->
                    b.pendingExtension = new PendingExtension(x.extra(), x.reason(), event.actor().id());
            case CaseChange.ExtensionApproved x -> {
                b.pendingExtension = null;
                b.startStage(Stage.HANDLING, x.handlingDeadline());
            }
            case CaseChange.ExtensionRejected x -> b.pendingExtension = null;
            case CaseChange.Suspended s -> {
                b.state = CaseState.SUSPENDED;
                b.suspension = new Suspension(at, s.resumeTo(), s.remaining(), s.reason());
                b.stopClocks();
            }
            case CaseChange.Resumed r -> {
                b.state = r.state();
                b.suspension = null;
                b.startStage(Stage.HANDLING, r.handlingDeadline());
            }
            case CaseChange.Handled h -> {
                b.state = CaseState.HANDLED;
                b.handledBy = h.handler();
                b.handledAt = at;
                b.pendingExtension = null;
                b.noteIfLate(Stage.HANDLING, at);
                b.startStage(Stage.CHECK, h.checkDeadline());
            }
            case CaseChange.CheckPassed p -> {
                b.noteIfLate(Stage.CHECK, at);
                b.state = CaseState.CHECK_PASSED;
                b.stopClocks();
            }
            case CaseChange.CheckFailed f -> {
                b.noteIfLate(Stage.CHECK, at);
                b.state = CaseState.FILED;
                b.reworkCount = f.rework();
                b.department = null;
                b.assignee = null;
                b.handledBy = null;
                b.startStage(Stage.DISPATCH, f.dispatchDeadline());
            }
            case CaseChange.Closed c -> {
                b.state = CaseState.CLOSED;
                b.closedAt = at;
                b.stopClocks();
            }
            case CaseChange.Voided v -> {
                b.state = CaseState.VOIDED;
                b.closedAt = at;
                b.stopClocks();
                b.suspension = null;
                b.pendingExtension = null;
            }
            case CaseChange.DuplicateMerged m -> {
                b.duplicates.add(m.duplicate());
                b.followers.add(m.duplicate().reporterId());
            }
            case CaseChange.AlarmCleared a -> b.clearedEpisodes.add(a.episodeId());
            case CaseChange.DeadlineApproaching w -> b.warned.add(w.stage());
            case CaseChange.Overdue o -> {
                b.overdue.add(o.stage());
                b.lateStages.add(o.stage());
                b.overdueCount++;
            }
            case CaseChange.Escalated e -> b.escalationLevel = e.level();
            case CaseChange.Rated r -> b.rating = r.score();
        }
        return new Case(b);
    }

    /** The stage whose clock is running now, if any; none while suspended or finished. */
    public Optional<Stage> activeStage() {
        return Optional.ofNullable(switch (state) {
            case REPORTED -> Stage.FILING;
            case FILED -> Stage.DISPATCH;
            case DISPATCHED, IN_PROGRESS -> Stage.HANDLING;
            case HANDLED -> Stage.CHECK;
            default -> null;
        });
    }

    /** The deadline of a running stage. */
    public Optional<Instant> deadline(Stage stage) {
        return Optional.ofNullable(deadlines.get(stage));
    }

    public String id() {
        return id;
    }

    public long version() {
        return version;
    }

    public CaseState state() {
        return state;
    }

    /** The first report, which opened the case. */
    public ReportDetails report() {
        return report;
    }

    public String categoryCode() {
        return report.categoryCode();
    }

    public String gridCode() {
        return report.gridCode();
    }

    /** Reports merged into this case after the first, in the order they arrived. */
    public List<ReportDetails> duplicates() {
        return duplicates;
    }

    /** Everyone who reported this problem: they are told when the case changes. */
    public Set<String> followers() {
        return followers;
    }

    public Optional<String> department() {
        return Optional.ofNullable(department);
    }

    public Optional<String> assignee() {
        return Optional.ofNullable(assignee);
    }

    public Optional<String> handledBy() {
        return Optional.ofNullable(handledBy);
    }

    /** Sensor alarm episodes behind this case that have ended. */
    public Set<String> clearedEpisodes() {
        return clearedEpisodes;
    }

    public Map<Stage, Instant> deadlines() {
        return deadlines;
    }

    /** Stages warned of in their current run. */
    public Set<Stage> warned() {
        return warned;
    }

    /** Stages overdue in their current run. */
    public Set<Stage> overdue() {
        return overdue;
    }

    /** How often any stage went overdue over the case's life. */
    public int overdueCount() {
        return overdueCount;
    }

    public int escalationLevel() {
        return escalationLevel;
    }

    public Optional<PendingExtension> pendingExtension() {
        return Optional.ofNullable(pendingExtension);
    }

    /** The on-site verification of the report, if a grid worker made one. */
    public Optional<Verification> verification() {
        return Optional.ofNullable(verification);
    }

    public Optional<Suspension> suspension() {
        return Optional.ofNullable(suspension);
    }

    /** How many checks failed (返工次数). */
    public int reworkCount() {
        return reworkCount;
    }

    /** How many times a department gave the case back (回退次数). */
    public int returnCount() {
        return returnCount;
    }

    /**
     * Stages that were ever late: completed after their deadline, or marked overdue by the SLA
     * clock. A case closes on time only if this is empty; lateness stays even after a rework or
     * an extension, because the delay happened.
     */
    public Set<Stage> lateStages() {
        return lateStages;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public Optional<Instant> filedAt() {
        return Optional.ofNullable(filedAt);
    }

    public Optional<Instant> firstDispatchedAt() {
        return Optional.ofNullable(firstDispatchedAt);
    }

    /** The latest feedback from a department. */
    public Optional<Instant> handledAt() {
        return Optional.ofNullable(handledAt);
    }

    /** When the case reached a terminal state. */
    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    public Optional<Integer> rating() {
        return Optional.ofNullable(rating);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Case c && c.id.equals(id) && c.version == version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    @Override
    public String toString() {
        return "Case[" + id + " v" + version + " " + state + "]";
    }

    private static Set<Stage> copyOf(Set<Stage> stages) {
        return stages.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(stages);
    }

    /** Mutable only while one event is being applied. */
    private static final class Builder {
        String id;
        long version;
        CaseState state;
        ReportDetails report;
        List<ReportDetails> duplicates = new ArrayList<>();
        Set<String> followers = new LinkedHashSet<>();
        Set<String> clearedEpisodes = new LinkedHashSet<>();
        String department;
        String assignee;
        String handledBy;
        Map<Stage, Instant> deadlines = new EnumMap<>(Stage.class);
        Set<Stage> warned = EnumSet.noneOf(Stage.class);
        Set<Stage> overdue = EnumSet.noneOf(Stage.class);
        int overdueCount;
        int escalationLevel;
        PendingExtension pendingExtension;
        Verification verification;
        Suspension suspension;
        int reworkCount;
        int returnCount;
        Set<Stage> lateStages = EnumSet.noneOf(Stage.class);
        Instant reportedAt;
        Instant filedAt;
        Instant firstDispatchedAt;
        Instant handledAt;
        Instant closedAt;
        Integer rating;
        Instant updatedAt;

        Builder() {
        }

        Builder(Case c) {
            id = c.id;
            version = c.version;
            state = c.state;
            report = c.report;
            duplicates.addAll(c.duplicates);
            followers.addAll(c.followers);
            clearedEpisodes.addAll(c.clearedEpisodes);
            department = c.department;
            assignee = c.assignee;
            handledBy = c.handledBy;
            deadlines.putAll(c.deadlines);
            warned.addAll(c.warned);
            overdue.addAll(c.overdue);
            overdueCount = c.overdueCount;
            escalationLevel = c.escalationLevel;
            pendingExtension = c.pendingExtension;
            verification = c.verification;
            suspension = c.suspension;
            reworkCount = c.reworkCount;
            returnCount = c.returnCount;
            lateStages.addAll(c.lateStages);
            reportedAt = c.reportedAt;
            filedAt = c.filedAt;
            firstDispatchedAt = c.firstDispatchedAt;
            handledAt = c.handledAt;
            closedAt = c.closedAt;
            rating = c.rating;
            updatedAt = c.updatedAt;
        }

        /** A step that completes its stage after the stage's deadline leaves the stage late. */
        void noteIfLate(Stage stage, Instant completedAt) {
            Instant deadline = deadlines.get(stage);
            if (deadline != null && completedAt.isAfter(deadline)) {
                lateStages.add(stage);
            }
        }

        /** No stage runs: deadlines and their warnings go together. */
        void stopClocks() {
            deadlines.clear();
            warned.clear();
            overdue.clear();
        }

        /**
         * Only one stage runs at a time: a stage that (re)starts replaces every other deadline and
         * the warnings of earlier runs.
         */
        void startStage(Stage stage, Instant deadline) {
            stopClocks();
            deadlines.put(stage, deadline);
        }
    }
}
