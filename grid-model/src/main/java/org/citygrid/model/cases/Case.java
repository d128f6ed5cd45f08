package org.citygrid.model.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A grid-management case (案件): one problem in the public space, from its first report to its
 * evaluation. Immutable; every change comes from applying a {@link CaseEvent}, so the event list is
 * the audit trail and the case is its fold.
 *
 * <p>The case itself says where it stands and who has it: its state, the department and handler,
 * who gave it back, the verification, a suspension or extension request, the rating. Its parts say
 * the rest: {@link #reports()} what was reported and who follows it, {@link #clock()} its SLA clock,
 * {@link #times()} when it reached its milestones. Every part is bounded, so the folded case can be
 * stored on its own, without its events (grid-model's {@code WireCodec.cases()}).
 *
 * <p>Whether a change is allowed is decided by {@link CaseDecider}; {@link #apply} only records what
 * was decided and refuses events that do not follow on (wrong case, version gap).
 */
public final class Case {

    /**
     * A department's request for time (延期) or to put the work on hold (缓办), waiting for approval.
     *
     * @param kind {@link ExtensionKind#EXTENSION} when {@code null}, as in every request before 缓办
     */
    public record PendingExtension(Duration extra, String reason, String requestedBy, ExtensionKind kind) {
        public PendingExtension(Duration extra, String reason, String requestedBy) {
            this(extra, reason, requestedBy, null);
        }

        public ExtensionKind kindOrDefault() {
            return kind == null ? ExtensionKind.EXTENSION : kind;
        }
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
    private final CaseReports reports;
    private final String department;
    private final String assignee;
    private final String handledBy;
    private final Actor lastHandler;
    private final Set<String> returnedBy;
    private final int returnCount;
    private final int reworkCount;
    private final PendingExtension pendingExtension;
    private final Verification verification;
    private final Suspension suspension;
    private final Integer rating;
    private final CaseClock clock;
    private final CaseTimes times;
    private final CaseWork work;

    private Case(Builder b) {
        this(b.id, b.version, b.state, b.reports, b.department, b.assignee, b.handledBy, b.lastHandler, b.returnedBy,
                b.returnCount, b.reworkCount, b.pendingExtension, b.verification, b.suspension, b.rating, b.clock, b.times,
                b.work);
    }

    private Case(String id, long version, CaseState state, CaseReports reports, String department, String assignee,
                 String handledBy, Actor lastHandler, Set<String> returnedBy, int returnCount, int reworkCount,
                 PendingExtension pendingExtension, Verification verification, Suspension suspension, Integer rating,
                 CaseClock clock, CaseTimes times, CaseWork work) {
        this.id = Objects.requireNonNull(id, "id");
        this.version = version;
        this.state = Objects.requireNonNull(state, "state");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.department = department;
        this.assignee = assignee;
        this.handledBy = handledBy;
        this.lastHandler = lastHandler;
        this.returnedBy = Collections.unmodifiableSet(new LinkedHashSet<>(returnedBy));
        this.returnCount = returnCount;
        this.reworkCount = reworkCount;
        this.pendingExtension = pendingExtension;
        this.verification = verification;
        this.suspension = suspension;
        this.rating = rating;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.times = Objects.requireNonNull(times, "times");
        this.work = Objects.requireNonNull(work, "work");
        if (version < 1) {
            throw new IllegalArgumentException("a case starts at version 1, not " + version);
        }
    }

    /**
     * A case as it was stored, part by part, for a codec that reads back what it wrote of a
     * {@link Case} (grid-model's {@code WireCodec.cases()}). Everyone else opens a case from its
     * report and applies its events: this checks no transition.
     */
    public static Case restore(String id, long version, CaseState state, CaseReports reports, String department,
                               String assignee, String handledBy, Actor lastHandler, Set<String> returnedBy,
                               int returnCount, int reworkCount, PendingExtension pendingExtension,
                               Verification verification, Suspension suspension, Integer rating, CaseClock clock,
                               CaseTimes times, CaseWork work) {
        return new Case(id, version, state, reports, department, assignee, handledBy, lastHandler, returnedBy,
                returnCount, reworkCount, pendingExtension, verification, suspension, rating, clock, times, work);
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
        b.reports = CaseReports.opening(reported.details());
        b.clock = CaseClock.startingWith(Stage.FILING, reported.filingDeadline());
        b.times = CaseTimes.reported(first.at());
        b.work = CaseWork.NONE;
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
        Instant at = event.at();
        b.times = b.times.updated(at);
        switch (event.change()) {
            case CaseChange.Reported r -> throw new IllegalArgumentException("case " + id + " is already reported");
            case CaseChange.VerificationAssigned v -> {
                b.work = b.work.verificationTask(new CaseWork.Task(v.supervisor(), at, v.verificationDeadline(), event.actor().id()));
                b.clock = b.clock.completingRunning(at).start(Stage.VERIFICATION, v.verificationDeadline());
            }
            case CaseChange.Verified v -> {
                b.verification = new Verification(v.verifier(), at, v.found(), v.note());
                b.work = b.work.verificationTask(null);
                if (v.filingDeadline() != null) {
                    b.clock = b.clock.completingRunning(at).start(Stage.FILING, v.filingDeadline());
                }
            }
            case CaseChange.ReportCorrected r -> b.reports = b.reports.corrected(b.reports.first().corrected(
                    r.categoryCode(), r.position(), r.gridCode(), r.componentCode()));
            case CaseChange.Filed f -> {
                b.state = CaseState.FILED;
                b.times = b.times.filed(at);
                b.work = b.work.filedBy(event.actor().id());
                b.clock = b.clock.completingRunning(at).start(Stage.DISPATCH, f.dispatchDeadline());
            }
            case CaseChange.Dismissed d -> {
                b.state = CaseState.DISMISSED;
                b.times = b.times.closed(at);
                b.work = b.work.withoutTasks();
                b.clock = b.clock.completingRunning(at).stop();
            }
            case CaseChange.SentBack s -> {
                b.state = CaseState.REPORTED;
                b.clock = b.clock.completing(Stage.DISPATCH, at).start(Stage.FILING, s.filingDeadline());
            }
            case CaseChange.Dispatched d -> {
                b.state = CaseState.DISPATCHED;
                b.department = d.department();
                b.assignee = d.assignee();
                b.pendingExtension = null;
                b.times = b.times.dispatched(at);
                b.work = b.work.dispatchedBy(event.actor().id());
                b.clock = b.clock.completing(Stage.DISPATCH, at).start(Stage.HANDLING, d.handlingDeadline());
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
                b.returnedBy.add(r.department());
                b.clock = b.clock.start(Stage.DISPATCH, r.dispatchDeadline());
            }
            case CaseChange.ExtensionRequested x ->
                    b.pendingExtension = new PendingExtension(x.extra(), x.reason(), event.actor().id(), x.kind());
            case CaseChange.ExtensionApproved x -> {
                b.pendingExtension = null;
                b.work = b.work.extensionGranted();
                b.clock = b.clock.start(Stage.HANDLING, x.handlingDeadline());
            }
            case CaseChange.PostponementApproved p -> {
                b.state = CaseState.SUSPENDED;
                b.pendingExtension = null;
                b.suspension = new Suspension(at, p.resumeTo(), p.remaining(), p.reason());
                b.clock = b.clock.stop();
            }
            case CaseChange.ExtensionRejected x -> b.pendingExtension = null;
            case CaseChange.Suspended s -> {
                b.state = CaseState.SUSPENDED;
                b.suspension = new Suspension(at, s.resumeTo(), s.remaining(), s.reason());
                b.clock = b.clock.stop();
            }
            case CaseChange.Resumed r -> {
                b.state = r.state();
                b.suspension = null;
                b.clock = b.clock.start(Stage.HANDLING, r.handlingDeadline());
            }
            case CaseChange.Handled h -> {
                b.state = CaseState.HANDLED;
                b.handledBy = h.handler();
                b.lastHandler = event.actor();
                b.times = b.times.handled(at);
                b.pendingExtension = null;
                b.work = b.work.checkTask(null);
                b.clock = b.clock.completing(Stage.HANDLING, at).start(Stage.CHECK, h.checkDeadline());
            }
            case CaseChange.CheckAssigned k -> {
                b.work = b.work.checkTask(new CaseWork.Task(k.supervisor(), at, k.checkDeadline(), event.actor().id()));
                b.clock = b.clock.completing(Stage.CHECK, at).start(Stage.CHECK, k.checkDeadline());
            }
            case CaseChange.CheckPassed p -> {
                b.state = CaseState.CHECK_PASSED;
                b.work = b.work.checkTask(null);
                CaseClock checked = b.clock.completing(Stage.CHECK, at);
                b.clock = p.closingDeadline() == null ? checked.stop() : checked.start(Stage.CLOSING, p.closingDeadline());
            }
            case CaseChange.CheckFailed f -> {
                b.state = CaseState.FILED;
                b.reworkCount = f.rework();
                b.department = null;
                b.assignee = null;
                b.handledBy = null;
                b.work = b.work.checkTask(null);
                b.clock = b.clock.completing(Stage.CHECK, at).start(Stage.DISPATCH, f.dispatchDeadline());
            }
            case CaseChange.Closed c -> {
                b.state = CaseState.CLOSED;
                b.times = b.times.closed(at);
                b.clock = b.clock.completing(Stage.CLOSING, at).stop();
            }
            case CaseChange.Voided v -> {
                b.state = CaseState.VOIDED;
                b.times = b.times.closed(at);
                b.clock = b.clock.stop();
                b.suspension = null;
                b.pendingExtension = null;
                b.work = b.work.withoutTasks().ledger(null);
            }
            case CaseChange.Ledgered l -> {
                b.state = CaseState.ON_LEDGER;
                b.work = b.work.ledger(new CaseWork.Ledger(at, l.reason(), l.reviewBy(), l.from()));
                b.suspension = null;
                b.pendingExtension = null;
                b.clock = b.clock.stop();
            }
            case CaseChange.LedgerCleared l -> {
                b.state = CaseState.FILED;
                b.department = null;
                b.assignee = null;
                b.work = b.work.ledger(null);
                b.clock = b.clock.start(Stage.DISPATCH, l.dispatchDeadline());
            }
            case CaseChange.Pressed p -> {
            }
            case CaseChange.Urged u -> {
            }
            case CaseChange.Numbered n -> b.work = b.work.numbered(n.number());
            case CaseChange.DuplicateMerged m -> b.reports = b.reports.merged(m.duplicate());
            case CaseChange.AlarmCleared a -> b.reports = b.reports.cleared(a.episodeId());
            case CaseChange.DeadlineApproaching w -> b.clock = b.clock.warn(w.stage());
            case CaseChange.Overdue o -> b.clock = b.clock.markOverdue(o.stage());
            case CaseChange.Escalated e -> b.clock = b.clock.escalate(e.level());
            case CaseChange.Rated r -> b.rating = r.score();
        }
        return new Case(b);
    }

    /**
     * The stage whose clock is running now, if any; none while suspended, on the ledger or finished.
     * A report waiting for its verification task runs {@link Stage#VERIFICATION}, a passed check
     * {@link Stage#CLOSING}.
     */
    public Optional<Stage> activeStage() {
        return clock.running();
    }

    /** The deadline of the running stage, {@code stage}; empty for any other stage. */
    public Optional<Instant> deadline(Stage stage) {
        return clock.deadline(stage);
    }

    public String id() {
        return id;
    }

    /** The version of the last event folded in: 1 for the report, one more per event. */
    public long version() {
        return version;
    }

    public CaseState state() {
        return state;
    }

    /** The first report, which opened the case. */
    public ReportDetails report() {
        return reports.first();
    }

    public String categoryCode() {
        return report().categoryCode();
    }

    public String gridCode() {
        return report().gridCode();
    }

    /** What was reported into the case and who follows it, within the bounds {@link CaseReports} names. */
    public CaseReports reports() {
        return reports;
    }

    /** Everyone who reported this problem, up to {@link CaseReports#MAX_FOLLOWERS}: they are told when the case changes. */
    public Set<String> followers() {
        return reports.followers();
    }

    /** The department that holds the case now: dispatched to it, and not returned or sent back since. */
    public Optional<String> department() {
        return Optional.ofNullable(department);
    }

    /** The handler the case is assigned to within its department, if one is named. */
    public Optional<String> assignee() {
        return Optional.ofNullable(assignee);
    }

    /** Who reported the current work handled; cleared when a failed check sends the case back. */
    public Optional<String> handledBy() {
        return Optional.ofNullable(handledBy);
    }

    /**
     * The handler whose feedback came last, with their department; kept after a failed check, so
     * the rework can go back to whoever did the work.
     */
    public Optional<Actor> lastHandler() {
        return Optional.ofNullable(lastHandler);
    }

    /**
     * The departments that gave the case back as not theirs, in the order they first did. A set of
     * department codes the catalogue knows, so it is bounded by the catalogue, however often the
     * case is returned.
     */
    public Set<String> returnedBy() {
        return returnedBy;
    }

    /** How many times a department gave the case back (回退次数). */
    public int returnCount() {
        return returnCount;
    }

    /** How many checks failed (返工次数). */
    public int reworkCount() {
        return reworkCount;
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

    /** The reporting resident's score, 1 to 5, once given. */
    public Optional<Integer> rating() {
        return Optional.ofNullable(rating);
    }

    /** The case's SLA clock: deadlines, warnings, overdue stages, escalation and lateness. */
    public CaseClock clock() {
        return clock;
    }

    /** When the case reached its milestones. */
    public CaseTimes times() {
        return times;
    }

    /** The centres' work on the case: its number, filer, dispatcher, open tasks, ledger entry. */
    public CaseWork work() {
        return work;
    }

    /** The readable case number (案卷号), once the case cycle assigned it. */
    public Optional<org.citygrid.model.casenumber.CaseNumber> caseNumber() {
        return work.caseNumber();
    }

    /** The component (部件) the first report named, after any correction. */
    public Optional<String> componentCode() {
        return Optional.ofNullable(report().componentCode());
    }

    /** Two cases are equal when every part is: the same fold of the same events. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Case c && c.id.equals(id) && c.version == version && c.state == state
                && c.reports.equals(reports) && Objects.equals(c.department, department)
                && Objects.equals(c.assignee, assignee) && Objects.equals(c.handledBy, handledBy)
                && Objects.equals(c.lastHandler, lastHandler) && List.copyOf(c.returnedBy).equals(List.copyOf(returnedBy))
                && c.returnCount == returnCount && c.reworkCount == reworkCount
                && Objects.equals(c.pendingExtension, pendingExtension) && Objects.equals(c.verification, verification)
                && Objects.equals(c.suspension, suspension) && Objects.equals(c.rating, rating)
                && c.clock.equals(clock) && c.times.equals(times) && c.work.equals(work);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    @Override
    public String toString() {
        return "Case[" + id + " v" + version + " " + state + "]";
    }

    /** Mutable only while one event is being applied. */
    private static final class Builder {
        String id;
        long version;
        CaseState state;
        CaseReports reports;
        String department;
        String assignee;
        String handledBy;
        Actor lastHandler;
        Set<String> returnedBy = new LinkedHashSet<>();
        int returnCount;
        int reworkCount;
        PendingExtension pendingExtension;
        Verification verification;
        Suspension suspension;
        Integer rating;
        CaseClock clock;
        CaseTimes times;
        CaseWork work;

        Builder() {
        }

        Builder(Case c) {
            id = c.id;
            version = c.version;
            state = c.state;
            reports = c.reports;
            department = c.department;
            assignee = c.assignee;
            handledBy = c.handledBy;
            lastHandler = c.lastHandler;
            returnedBy.addAll(c.returnedBy);
            returnCount = c.returnCount;
            reworkCount = c.reworkCount;
            pendingExtension = c.pendingExtension;
            verification = c.verification;
            suspension = c.suspension;
            rating = c.rating;
            clock = c.clock;
            times = c.times;
            work = c.work;
        }
    }
}
