package org.citygrid.model.cases;

import static org.citygrid.model.cases.RejectionReason.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.citygrid.model.cases.AllowedAction.Need;

/**
 * The case state machine: {@code (case, command) -> events | rejection}, a pure function of its
 * arguments and the {@link CaseRules} it was built with. It reads no clock (the command says when
 * it happened) and keeps no state, so the same history always decides the same way: on replay, in
 * tests, and in every instance of the case-cycle service.
 *
 * <p>Checks run from the most to the least fundamental: the actor's role, the case's existence,
 * the version the actor saw, then whether this actor may take this step on this case now (its
 * state, the actor's department or part in the case, the time), and last the command's own values.
 * The step's rule is written once, in {@code precondition}, and answers both {@link #decide} and
 * {@link #allowedActions}; the values' rule is written once per action, and says which fields a
 * command must carry while it checks them.
 */
public final class CaseDecider {

    /** Level 1 goes to the command centre's duty chief (值班长), level 2 to the leadership. */
    public static final int MAX_ESCALATION_LEVEL = 2;
    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;

    private final CaseRules rules;

    public CaseDecider(CaseRules rules) {
        this.rules = rules;
    }

    /**
     * Decides a command.
     *
     * @param current the case as it stands, or {@code null} if no case has the command's id
     * @param command the request
     * @return the events to append (versions following {@code current}), or a rejection
     */
    public Decision decide(Case current, CaseCommand command) {
        CaseAction action = command.action();
        Actor actor = command.actor();
        Rejection role = roleCheck(actor, action);
        if (role != null) {
            return new Decision.Rejected(role);
        }
        if (action instanceof CaseAction.Report report) {
            return current == null
                    ? report(command, report.details())
                    : reject(CASE_EXISTS, "case " + command.caseId() + " already exists");
        }
        if (current == null) {
            return reject(UNKNOWN_CASE, "there is no case " + command.caseId());
        }
        if (!current.id().equals(command.caseId())) {
            throw new IllegalArgumentException("command for case " + command.caseId() + " decided against case " + current.id());
        }
        if (command.expectedVersion() != null && command.expectedVersion() != current.version()) {
            return reject(VERSION_CONFLICT, "case " + current.id() + " changed since you loaded it (version "
                    + command.expectedVersion() + ", now " + current.version() + "); reload it and try again");
        }
        Rejection refused = precondition(current, actor, command.at(), action);
        if (refused != null) {
            return new Decision.Rejected(refused);
        }
        return values(current, command, Inputs.ENFORCED);
    }

    /**
     * What {@code actor} may do to case {@code c} at {@code at}: every action {@link #decide} would
     * take from this actor now, given values that pass its checks (a reason where one is needed,
     * a department it knows...), with the fields each must carry. Derived from the same rules as
     * {@code decide}, not a copy: an action is listed exactly when its role and step checks pass.
     * A command can still be refused for its values, or because the case changed meanwhile.
     *
     * @return the allowed actions, in the order of {@link CaseAction}'s variants
     */
    public List<AllowedAction> allowedActions(Case c, Actor actor, Instant at) {
        Objects.requireNonNull(c, "case");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        List<AllowedAction> allowed = new ArrayList<>();
        for (CaseAction probe : probes(c)) {
            if (roleCheck(actor, probe) != null || precondition(c, actor, at, probe) != null) {
                continue;
            }
            Inputs needs = Inputs.surveying(probe);
            values(c, new CaseCommand("allowed-actions", c.id(), actor, at, null, probe), needs);
            boolean redispatch = probe instanceof CaseAction.Dispatch && c.state() != CaseState.FILED;
            allowed.add(needs.allowed(probe, redispatch));
        }
        return allowed;
    }

    /**
     * One action of each kind with blank values, to ask the step rules and the value rules about:
     * clock actions name the stage that runs, an escalation the next level.
     */
    static List<CaseAction> probes(Case c) {
        Stage running = c.activeStage().orElse(Stage.FILING);
        return List.of(
                new CaseAction.Report(c.report()),
                new CaseAction.Verify(true, null, List.of()),
                new CaseAction.File(null),
                new CaseAction.Dismiss(null),
                new CaseAction.Dispatch(null, null, null),
                new CaseAction.Accept(),
                new CaseAction.Return(null),
                new CaseAction.RequestExtension(Duration.ZERO, null),
                new CaseAction.ApproveExtension(null),
                new CaseAction.RejectExtension(null),
                new CaseAction.Suspend(null),
                new CaseAction.Resume(null),
                new CaseAction.ReportHandled(null, List.of()),
                new CaseAction.Check(true, null, List.of()),
                new CaseAction.Close(null),
                new CaseAction.Void(null),
                new CaseAction.MergeDuplicate(c.report()),
                new CaseAction.ClearAlarm(null, null),
                new CaseAction.WarnDeadline(running),
                new CaseAction.MarkOverdue(running),
                new CaseAction.Escalate(c.clock().escalationLevel() + 1),
                new CaseAction.Rate(0, null));
    }

    private static Rejection roleCheck(Actor actor, CaseAction action) {
        Set<Role> allowed = CommandRoles.allowed(action);
        if (allowed.contains(actor.role())) {
            return null;
        }
        return new Rejection(ROLE_NOT_ALLOWED, "a " + label(actor.role()) + " may not " + verb(action)
                + "; that is for " + allowed.stream().map(CaseDecider::label).collect(Collectors.joining(" or ")));
    }

    /**
     * Whether {@code actor} may take the step {@code action} on case {@code c} at {@code at}: the
     * case's state, the actor's department or part in the case, the clocks. Reads of the action only
     * which stage or level it is about, never its free values.
     *
     * @return why not, or {@code null} if the step may be taken
     */
    private Rejection precondition(Case c, Actor actor, Instant at, CaseAction action) {
        return switch (action) {
            case CaseAction.Report r -> new Rejection(CASE_EXISTS, "case " + c.id() + " already exists");
            case CaseAction.Verify v -> firstOf(inState(c, action, CaseState.REPORTED),
                    () -> actor.id().equals(c.report().reporterId())
                            ? new Rejection(VERIFIER_IS_REPORTER, "case " + c.id() + " is your own report; another worker verifies it")
                            : null,
                    () -> c.verification().isPresent()
                            ? new Rejection(ALREADY_VERIFIED, "case " + c.id() + " was already verified by "
                            + c.verification().get().verifier() + "; the supervision centre decides on it now")
                            : null);
            case CaseAction.File f -> firstOf(inState(c, action, CaseState.REPORTED),
                    () -> actor.role() == Role.SYSTEM && !rules.filesAutomatically(c.categoryCode(), c.report().channel())
                            ? new Rejection(NOT_AUTO_FILED, "category " + c.categoryCode() + " reported through "
                            + c.report().channel() + " waits for the supervision centre to file it")
                            : null);
            case CaseAction.Dismiss d -> inState(c, action, CaseState.REPORTED);
            case CaseAction.Dispatch d -> mayDispatch(c, actor, action);
            case CaseAction.Accept a -> firstOf(inState(c, action, CaseState.DISPATCHED), () -> inDepartment(c, actor));
            case CaseAction.Return r ->
                    firstOf(inState(c, action, CaseState.DISPATCHED, CaseState.IN_PROGRESS), () -> inDepartment(c, actor));
            case CaseAction.RequestExtension x -> firstOf(inState(c, action, CaseState.IN_PROGRESS),
                    () -> inDepartment(c, actor),
                    () -> c.pendingExtension().isPresent()
                            ? new Rejection(EXTENSION_PENDING, "an extension request for case " + c.id() + " is already waiting for approval")
                            : null);
            case CaseAction.ApproveExtension x -> extensionWaiting(c);
            case CaseAction.RejectExtension x -> extensionWaiting(c);
            case CaseAction.Suspend s -> inState(c, action, CaseState.DISPATCHED, CaseState.IN_PROGRESS);
            case CaseAction.Resume r -> inState(c, action, CaseState.SUSPENDED);
            case CaseAction.ReportHandled h -> firstOf(inState(c, action, CaseState.IN_PROGRESS), () -> inDepartment(c, actor));
            case CaseAction.Check k -> firstOf(inState(c, action, CaseState.HANDLED),
                    () -> actor.id().equals(c.handledBy().orElse(null))
                            ? new Rejection(CHECKER_IS_HANDLER, "the person who handled case " + c.id() + " cannot check it")
                            : null);
            case CaseAction.Close k -> inState(c, action, CaseState.CHECK_PASSED);
            case CaseAction.Void v -> open(c, action);
            case CaseAction.MergeDuplicate m -> open(c, action);
            case CaseAction.ClearAlarm a -> firstOf(open(c, action),
                    () -> c.reports().sensorAlarm() ? null
                            : new Rejection(INVALID_VALUE, "case " + c.id() + " has no sensor alarm to clear"));
            case CaseAction.WarnDeadline w -> firstOf(running(c, w.stage()),
                    () -> c.clock().warned().contains(w.stage()) || c.clock().overdue().contains(w.stage())
                            ? new Rejection(ALREADY_FLAGGED, "the " + w.stage() + " deadline of case " + c.id() + " was already flagged")
                            : null,
                    () -> !at.isBefore(c.deadline(w.stage()).orElseThrow())
                            ? new Rejection(DEADLINE_PASSED, "the " + w.stage() + " deadline of case " + c.id()
                            + " has passed; mark it overdue instead")
                            : null);
            case CaseAction.MarkOverdue o -> firstOf(running(c, o.stage()),
                    () -> c.clock().overdue().contains(o.stage())
                            ? new Rejection(ALREADY_FLAGGED, "case " + c.id() + " is already overdue in " + o.stage())
                            : null,
                    () -> at.isBefore(c.deadline(o.stage()).orElseThrow())
                            ? new Rejection(NOT_DUE, "the " + o.stage() + " deadline of case " + c.id() + " is "
                            + c.deadline(o.stage()).orElseThrow() + ", not yet passed")
                            : null);
            case CaseAction.Escalate e -> firstOf(
                    () -> c.activeStage().map(c.clock().overdue()::contains).orElse(false) ? null
                            : new Rejection(NOT_OVERDUE, "case " + c.id() + " has no overdue step running; only overdue cases are escalated"),
                    () -> c.clock().escalationLevel() >= MAX_ESCALATION_LEVEL ? escalationOutOfOrder(c) : null);
            case CaseAction.Rate r -> firstOf(inState(c, action, CaseState.CLOSED),
                    () -> c.followers().contains(actor.id()) ? null
                            : new Rejection(NOT_THE_REPORTER, "only a resident who reported case " + c.id() + " can rate it"),
                    () -> c.rating().isPresent() ? new Rejection(ALREADY_RATED, "case " + c.id() + " has already been rated") : null);
        };
    }

    private Rejection mayDispatch(Case c, Actor actor, CaseAction action) {
        boolean redispatch = c.state() == CaseState.DISPATCHED || c.state() == CaseState.IN_PROGRESS;
        if (c.state() == CaseState.FILED || redispatch && actor.role() == Role.OPERATOR) {
            return null;
        }
        return redispatch
                ? new Rejection(WRONG_STATE, "case " + c.id() + " is already with " + c.department().orElseThrow()
                        + "; only an operator can re-dispatch it")
                : wrongState(c, action, CaseState.FILED, CaseState.DISPATCHED, CaseState.IN_PROGRESS);
    }

    private static Rejection extensionWaiting(Case c) {
        return c.state() != CaseState.IN_PROGRESS || c.pendingExtension().isEmpty()
                ? new Rejection(NO_PENDING_EXTENSION, "case " + c.id() + " has no extension request waiting")
                : null;
    }

    private static Rejection escalationOutOfOrder(Case c) {
        return new Rejection(ESCALATION_OUT_OF_ORDER, "case " + c.id() + " is at escalation level " + c.clock().escalationLevel()
                + "; the next is " + (c.clock().escalationLevel() + 1) + " and the highest " + MAX_ESCALATION_LEVEL);
    }

    /**
     * The command's own values, after its step was allowed: the fields it must carry (declared
     * through {@code in}, which enforces them for {@link #decide} and records them for
     * {@link #allowedActions}), then whatever else its values must satisfy, then its events.
     */
    private Decision values(Case c, CaseCommand command, Inputs in) {
        return switch (command.action()) {
            case CaseAction.Report r -> throw new AssertionError("a report is decided before any case exists");
            case CaseAction.Verify v -> verify(c, command, v, in);
            case CaseAction.File f -> accept(c, command, new CaseChange.Filed(f.note(), command.actor().role() == Role.SYSTEM,
                    deadline(c, Stage.DISPATCH, command)));
            case CaseAction.Dismiss d -> in.orElse(in.required(Field.REASON, isBlank(d.reason()), REASON_REQUIRED,
                            "say why the report does not meet the filing criteria"),
                    () -> accept(c, command, new CaseChange.Dismissed(d.reason())));
            case CaseAction.Dispatch d -> dispatch(c, command, d, in);
            case CaseAction.Accept a -> accept(c, command, new CaseChange.Accepted(command.actor().id()));
            case CaseAction.Return r -> in.orElse(in.required(Field.REASON, isBlank(r.reason()), REASON_REQUIRED,
                            "say why the case is not your department's, so it can be dispatched right"),
                    () -> accept(c, command, new CaseChange.Returned(c.department().orElseThrow(), r.reason(),
                            deadline(c, Stage.DISPATCH, command))));
            case CaseAction.RequestExtension x -> requestExtension(c, command, x, in);
            case CaseAction.ApproveExtension x -> approveExtension(c, command, x);
            case CaseAction.RejectExtension x -> in.orElse(in.required(Field.REASON, isBlank(x.reason()), REASON_REQUIRED,
                            "say why the extension is refused"),
                    () -> accept(c, command, new CaseChange.ExtensionRejected(x.reason())));
            case CaseAction.Suspend s -> in.orElse(in.required(Field.REASON, isBlank(s.reason()), REASON_REQUIRED,
                            "say why the case is put on hold"),
                    () -> accept(c, command, new CaseChange.Suspended(s.reason(), c.state(), rules.clock(c.categoryCode())
                            .elapsed(command.at(), c.deadline(Stage.HANDLING).orElseThrow()))));
            case CaseAction.Resume r -> resume(c, command, r);
            case CaseAction.ReportHandled h -> in.orElse(in.required(Field.EVIDENCE, h.evidence().isEmpty(), EVIDENCE_REQUIRED,
                            "attach at least one photo of the finished work"),
                    () -> accept(c, command, new CaseChange.Handled(command.actor().id(), h.note(), h.evidence(),
                            command.at().isAfter(c.deadline(Stage.HANDLING).orElseThrow()), deadline(c, Stage.CHECK, command))));
            case CaseAction.Check k -> check(c, command, k, in);
            case CaseAction.Close k -> accept(c, command, new CaseChange.Closed(k.note()));
            case CaseAction.Void v -> in.orElse(in.required(Field.REASON, isBlank(v.reason()), REASON_REQUIRED,
                            "say why the case is voided"),
                    () -> accept(c, command, new CaseChange.Voided(v.reason(), c.state())));
            case CaseAction.MergeDuplicate m -> merge(c, command, m.duplicate());
            case CaseAction.ClearAlarm a -> clearAlarm(c, command, a);
            case CaseAction.WarnDeadline w ->
                    accept(c, command, new CaseChange.DeadlineApproaching(w.stage(), c.deadline(w.stage()).orElseThrow()));
            case CaseAction.MarkOverdue o -> accept(c, command, new CaseChange.Overdue(o.stage(), c.deadline(o.stage()).orElseThrow()));
            case CaseAction.Escalate e -> e.level() != c.clock().escalationLevel() + 1
                    ? new Decision.Rejected(escalationOutOfOrder(c))
                    : accept(c, command, new CaseChange.Escalated(e.level()));
            case CaseAction.Rate r -> rate(c, command, r);
        };
    }

    private Decision report(CaseCommand command, ReportDetails details) {
        Actor actor = command.actor();
        if (!rules.knowsCategory(details.categoryCode())) {
            return reject(UNKNOWN_CATEGORY, "there is no category " + details.categoryCode() + " in the catalogue");
        }
        Channel expected = switch (actor.role()) {
            case RESIDENT -> Channel.RESIDENT;
            case GRID_WORKER -> Channel.PATROL;
            case OPERATOR -> Channel.HOTLINE;
            default -> null;
        };
        if (expected != null && details.channel() != expected) {
            return reject(REPORTER_MISMATCH, "a " + label(actor.role()) + " reports through the "
                    + expected + " channel, not " + details.channel());
        }
        if ((actor.role() == Role.RESIDENT || actor.role() == Role.GRID_WORKER) && !details.reporterId().equals(actor.id())) {
            return reject(REPORTER_MISMATCH, "you can only report as yourself (" + actor.id() + "), not as " + details.reporterId());
        }
        Instant deadline = deadline(details.categoryCode(), Stage.FILING, command.at());
        return accept(null, command, new CaseChange.Reported(details, deadline));
    }

    private Decision verify(Case c, CaseCommand command, CaseAction.Verify v, Inputs in) {
        Decision missing = in.required(Field.EVIDENCE, v.evidence().isEmpty(), EVIDENCE_REQUIRED,
                "attach at least one photo taken on site");
        if (missing == null) {
            missing = in.requiredWhenNegative(Field.NOTE, !v.found(), isBlank(v.note()), REASON_REQUIRED,
                    "say what you found instead, so the report can be dismissed with a reason");
        }
        return in.orElse(missing, () -> accept(c, command,
                new CaseChange.Verified(command.actor().id(), v.found(), v.note(), v.evidence())));
    }

    private Decision dispatch(Case c, CaseCommand command, CaseAction.Dispatch d, Inputs in) {
        Decision missing = in.required(Field.DEPARTMENT, isBlank(d.department()), INVALID_VALUE, "name the department to dispatch to");
        if (missing != null || in.surveying()) {
            return missing;
        }
        if (!rules.knowsDepartment(d.department())) {
            return reject(UNKNOWN_DEPARTMENT, "there is no department " + d.department());
        }
        boolean redispatch = c.state() != CaseState.FILED;
        if (redispatch && d.department().equals(c.department().orElse(null))
                && (d.assignee() == null || d.assignee().equals(c.assignee().orElse(null)))) {
            return reject(ALREADY_DISPATCHED_THERE, "case " + c.id() + " is already with " + d.department());
        }
        return accept(c, command, new CaseChange.Dispatched(d.department(), d.assignee(), d.note(), redispatch,
                deadline(c, Stage.HANDLING, command)));
    }

    private Decision requestExtension(Case c, CaseCommand command, CaseAction.RequestExtension x, Inputs in) {
        Decision missing = in.required(Field.REASON, isBlank(x.reason()), REASON_REQUIRED, "say why the work needs more time");
        if (missing != null || in.surveying()) {
            return missing;
        }
        Duration max = rules.maxExtension(c.categoryCode());
        if (x.extra().isNegative() || x.extra().isZero() || x.extra().compareTo(max) > 0) {
            return reject(INVALID_VALUE, "an extension adds more than 0 and at most " + hours(max) + " of handling time, not " + hours(x.extra()));
        }
        return accept(c, command, new CaseChange.ExtensionRequested(x.extra(), x.reason()));
    }

    private Decision approveExtension(Case c, CaseCommand command, CaseAction.ApproveExtension x) {
        Duration extra = c.pendingExtension().orElseThrow().extra();
        Instant current = c.deadline(Stage.HANDLING).orElseThrow();
        // extended from the old deadline, not from now: approving late must not reward the delay
        Instant extended = rules.clock(c.categoryCode()).deadline(current, extra);
        return accept(c, command, new CaseChange.ExtensionApproved(extra, x.note(), extended));
    }

    private Decision resume(Case c, CaseCommand command, CaseAction.Resume r) {
        Case.Suspension s = c.suspension().orElseThrow();
        Instant deadline = rules.clock(c.categoryCode()).deadline(command.at(), s.remaining());
        return accept(c, command, new CaseChange.Resumed(r.note(), s.resumeTo(), deadline));
    }

    private Decision check(Case c, CaseCommand command, CaseAction.Check check, Inputs in) {
        Decision missing = in.required(Field.EVIDENCE, check.evidence().isEmpty(), EVIDENCE_REQUIRED,
                "attach at least one photo taken on site");
        if (missing == null) {
            missing = in.requiredWhenNegative(Field.NOTE, !check.passed(), isBlank(check.note()), REASON_REQUIRED,
                    "say what is still wrong, so the rework can fix it");
        }
        if (missing != null || in.surveying()) {
            return missing;
        }
        String checker = command.actor().id();
        return check.passed()
                ? accept(c, command, new CaseChange.CheckPassed(checker, check.note(), check.evidence()))
                : accept(c, command, new CaseChange.CheckFailed(checker, check.note(), check.evidence(),
                        c.reworkCount() + 1, deadline(c, Stage.DISPATCH, command)));
    }

    private Decision merge(Case c, CaseCommand command, ReportDetails duplicate) {
        if (!duplicate.categoryCode().equals(c.categoryCode())) {
            return reject(INVALID_VALUE, "a report of category " + duplicate.categoryCode()
                    + " is not a duplicate of case " + c.id() + " (category " + c.categoryCode() + ")");
        }
        if (c.reports().holds(duplicate.sourceId())) {
            return reject(DUPLICATE_SOURCE, "report " + duplicate.sourceId() + " is already part of case " + c.id());
        }
        return accept(c, command, new CaseChange.DuplicateMerged(duplicate));
    }

    private Decision clearAlarm(Case c, CaseCommand command, CaseAction.ClearAlarm clear) {
        if (isBlank(clear.episodeId()) || isBlank(clear.sourceId())) {
            return reject(INVALID_VALUE, "an alarm clear names its episode and its intake id");
        }
        if (c.reports().clearedEpisodes().contains(clear.episodeId())) {
            return reject(ALREADY_FLAGGED, "alarm episode " + clear.episodeId() + " of case " + c.id() + " is already cleared");
        }
        return accept(c, command, new CaseChange.AlarmCleared(clear.episodeId(), clear.sourceId()));
    }

    private Decision rate(Case c, CaseCommand command, CaseAction.Rate r) {
        if (r.score() < MIN_SCORE || r.score() > MAX_SCORE) {
            return reject(INVALID_VALUE, "a rating is from " + MIN_SCORE + " to " + MAX_SCORE + ", not " + r.score());
        }
        return accept(c, command, new CaseChange.Rated(r.score(), r.comment()));
    }

    private static Rejection inState(Case c, CaseAction action, CaseState... needed) {
        return Set.of(needed).contains(c.state()) ? null : wrongState(c, action, needed);
    }

    private static Rejection open(Case c, CaseAction action) {
        return c.state().isTerminal() ? wrongState(c, action, openStates()) : null;
    }

    private static Rejection inDepartment(Case c, Actor actor) {
        String mine = actor.department();
        String theirs = c.department().orElse(null);
        return mine.equals(theirs) ? null
                : new Rejection(NOT_YOUR_DEPARTMENT, "case " + c.id() + " is dispatched to " + theirs + ", not to " + mine);
    }

    private static Rejection running(Case c, Stage stage) {
        return c.activeStage().filter(stage::equals).isPresent() ? null
                : new Rejection(WRONG_STATE, "the " + stage + " clock of case " + c.id() + " is not running (case is " + c.state() + ")");
    }

    /** The first of {@code first} and the {@code later} checks that refuses, in order; later checks may assume earlier ones passed. */
    @SafeVarargs
    private static Rejection firstOf(Rejection first, java.util.function.Supplier<Rejection>... later) {
        if (first != null) {
            return first;
        }
        for (java.util.function.Supplier<Rejection> check : later) {
            Rejection r = check.get();
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    @SafeVarargs
    private static Rejection firstOf(java.util.function.Supplier<Rejection>... checks) {
        return firstOf(null, checks);
    }

    private Instant deadline(Case c, Stage stage, CaseCommand command) {
        return deadline(c.categoryCode(), stage, command.at());
    }

    private Instant deadline(String category, Stage stage, Instant from) {
        return rules.clock(category).deadline(from, rules.timeLimit(category, stage));
    }

    private static Decision accept(Case c, CaseCommand command, CaseChange... changes) {
        long version = c == null ? 0 : c.version();
        List<CaseEvent> events = new ArrayList<>(changes.length);
        for (CaseChange change : changes) {
            events.add(new CaseEvent(command.caseId(), ++version, command.at(), command.actor(), command.commandId(), change));
        }
        return new Decision.Accepted(events);
    }

    private static Decision reject(RejectionReason reason, String message) {
        return new Decision.Rejected(new Rejection(reason, message));
    }

    private static Rejection wrongState(Case c, CaseAction action, CaseState... needed) {
        return new Rejection(WRONG_STATE, "cannot " + verb(action) + " case " + c.id() + ": it is "
                + c.state() + " (" + c.state().nameZh() + "), and that needs "
                + Stream.of(needed).map(CaseState::name).collect(Collectors.joining(" or ")));
    }

    private static CaseState[] openStates() {
        return EnumSet.allOf(CaseState.class).stream().filter(s -> !s.isTerminal()).toArray(CaseState[]::new);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    private static String label(Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** How a person would name the action in a sentence. */
    static String verb(CaseAction action) {
        return switch (action) {
            case CaseAction.Report r -> "report a problem";
            case CaseAction.Verify v -> "verify";
            case CaseAction.File f -> "file";
            case CaseAction.Dismiss d -> "dismiss";
            case CaseAction.Dispatch d -> "dispatch";
            case CaseAction.Accept a -> "accept";
            case CaseAction.Return r -> "return";
            case CaseAction.RequestExtension x -> "request an extension for";
            case CaseAction.ApproveExtension x -> "approve an extension for";
            case CaseAction.RejectExtension x -> "refuse an extension for";
            case CaseAction.Suspend s -> "suspend";
            case CaseAction.Resume r -> "resume";
            case CaseAction.ReportHandled h -> "report handled";
            case CaseAction.Check c -> "check";
            case CaseAction.Close c -> "close";
            case CaseAction.Void v -> "void";
            case CaseAction.MergeDuplicate m -> "merge a duplicate into";
            case CaseAction.ClearAlarm a -> "clear the alarm of";
            case CaseAction.WarnDeadline w -> "warn of the deadline of";
            case CaseAction.MarkOverdue o -> "mark overdue";
            case CaseAction.Escalate e -> "escalate";
            case CaseAction.Rate r -> "rate";
        };
    }

    /** A field of an action that a command may have to carry, by its name in the action's JSON. */
    private enum Field {
        REASON("reason"), NOTE("note"), EVIDENCE("evidence"), DEPARTMENT("department");

        final String component;

        Field(String component) {
            this.component = component;
        }
    }

    /**
     * The fields an action must carry, as its value rule declares them: for {@link #decide} it
     * enforces them (a missing one refuses the command), for {@link #allowedActions} it writes them
     * down and the value rule stops after them, since the survey's probe has no values to check.
     */
    private static final class Inputs {

        static final Inputs ENFORCED = new Inputs(null);

        private final CaseAction probe;
        private final Map<Field, Need> needs = new EnumMap<>(Field.class);

        private Inputs(CaseAction probe) {
            this.probe = probe;
        }

        static Inputs surveying(CaseAction probe) {
            return new Inputs(probe);
        }

        boolean surveying() {
            return probe != null;
        }

        Decision required(Field field, boolean missing, RejectionReason reason, String message) {
            if (surveying()) {
                needs.put(field, Need.REQUIRED);
                return null;
            }
            return missing ? reject(reason, message) : null;
        }

        /** Required when the action's outcome is negative: a {@code Verify} that did not find it, a failed {@code Check}. */
        Decision requiredWhenNegative(Field field, boolean negative, boolean missing, RejectionReason reason, String message) {
            if (surveying()) {
                needs.put(field, Need.REQUIRED_WHEN_NEGATIVE);
                return null;
            }
            return negative && missing ? reject(reason, message) : null;
        }

        /** {@code missing} if a field is missing; nothing when surveying; else the rest of the value rule. */
        Decision orElse(Decision missing, java.util.function.Supplier<Decision> rest) {
            return missing != null || surveying() ? missing : rest.get();
        }

        AllowedAction allowed(CaseAction action, boolean redispatch) {
            return new AllowedAction(action.getClass().getSimpleName(), redispatch, need(Field.REASON),
                    need(Field.NOTE), need(Field.EVIDENCE), need(Field.DEPARTMENT));
        }

        /** What the rule declared; otherwise optional if the action has such a field at all. */
        private Need need(Field field) {
            Need declared = needs.get(field);
            if (declared != null) {
                return declared;
            }
            boolean has = Stream.of(probe.getClass().getRecordComponents()).anyMatch(c -> c.getName().equals(field.component));
            return has ? Need.OPTIONAL : Need.ABSENT;
        }
    }
}
