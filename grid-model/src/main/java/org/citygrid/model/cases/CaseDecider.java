package org.citygrid.model.cases;

import static org.citygrid.model.cases.RejectionReason.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The case state machine: {@code (case, command) -> events | rejection}, a pure function of its
 * arguments and the {@link CaseRules} it was built with. It reads no clock (the command says when
 * it happened) and keeps no state, so the same history always decides the same way: on replay, in
 * tests, and in every instance of the case-cycle service.
 *
 * <p>Checks run from the most to the least fundamental: the actor's role, the case's existence,
 * the version the actor saw, the case's state, the actor's scope (department, reporter), and last
 * the command's own values.
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
        Set<Role> allowed = CommandRoles.allowed(action);
        if (!allowed.contains(actor.role())) {
            return reject(ROLE_NOT_ALLOWED, "a " + label(actor.role()) + " may not " + verb(action)
                    + "; that is for " + allowed.stream().map(CaseDecider::label).collect(Collectors.joining(" or ")));
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
        return switch (action) {
            case CaseAction.Report r -> throw new AssertionError("handled above");
            case CaseAction.Verify v -> verify(current, command, v);
            case CaseAction.File f -> file(current, command, f);
            case CaseAction.Dismiss d -> dismiss(current, command, d);
            case CaseAction.Dispatch d -> dispatch(current, command, d);
            case CaseAction.Accept a -> acceptTask(current, command);
            case CaseAction.Return r -> returnCase(current, command, r);
            case CaseAction.RequestExtension x -> requestExtension(current, command, x);
            case CaseAction.ApproveExtension x -> approveExtension(current, command, x);
            case CaseAction.RejectExtension x -> rejectExtension(current, command, x);
            case CaseAction.Suspend s -> suspend(current, command, s);
            case CaseAction.Resume r -> resume(current, command, r);
            case CaseAction.ReportHandled h -> reportHandled(current, command, h);
            case CaseAction.Check c -> check(current, command, c);
            case CaseAction.Close c -> close(current, command, c);
            case CaseAction.Void v -> voidCase(current, command, v);
            case CaseAction.MergeDuplicate m -> merge(current, command, m.duplicate());
            case CaseAction.ClearAlarm a -> clearAlarm(current, command, a);
            case CaseAction.WarnDeadline w -> warn(current, command, w.stage());
            case CaseAction.MarkOverdue o -> markOverdue(current, command, o.stage());
            case CaseAction.Escalate e -> escalate(current, command, e.level());
            case CaseAction.Rate r -> rate(current, command, r);
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

    private Decision verify(Case c, CaseCommand command, CaseAction.Verify v) {
        if (c.state() != CaseState.REPORTED) {
            return wrongState(c, command, CaseState.REPORTED);
        }
        String verifier = command.actor().id();
        if (verifier.equals(c.report().reporterId())) {
            return reject(VERIFIER_IS_REPORTER, "case " + c.id() + " is your own report; another worker verifies it");
        }
        if (c.verification().isPresent()) {
            return reject(ALREADY_VERIFIED, "case " + c.id() + " was already verified by "
                    + c.verification().get().verifier() + "; the supervision centre decides on it now");
        }
        if (v.evidence().isEmpty()) {
            return reject(EVIDENCE_REQUIRED, "attach at least one photo taken on site");
        }
        if (!v.found() && isBlank(v.note())) {
            return reject(REASON_REQUIRED, "say what you found instead, so the report can be dismissed with a reason");
        }
        return accept(c, command, new CaseChange.Verified(verifier, v.found(), v.note(), v.evidence()));
    }

    private Decision file(Case c, CaseCommand command, CaseAction.File f) {
        if (c.state() != CaseState.REPORTED) {
            return wrongState(c, command, CaseState.REPORTED);
        }
        boolean automatic = command.actor().role() == Role.SYSTEM;
        if (automatic && !rules.filesAutomatically(c.categoryCode(), c.report().channel())) {
            return reject(NOT_AUTO_FILED, "category " + c.categoryCode() + " reported through "
                    + c.report().channel() + " waits for the supervision centre to file it");
        }
        return accept(c, command, new CaseChange.Filed(f.note(), automatic, deadline(c, Stage.DISPATCH, command)));
    }

    private Decision dismiss(Case c, CaseCommand command, CaseAction.Dismiss d) {
        if (c.state() != CaseState.REPORTED) {
            return wrongState(c, command, CaseState.REPORTED);
        }
        if (isBlank(d.reason())) {
            return reject(REASON_REQUIRED, "say why the report does not meet the filing criteria");
        }
        return accept(c, command, new CaseChange.Dismissed(d.reason()));
    }

    private Decision dispatch(Case c, CaseCommand command, CaseAction.Dispatch d) {
        boolean redispatch = c.state() == CaseState.DISPATCHED || c.state() == CaseState.IN_PROGRESS;
        if (c.state() != CaseState.FILED && !(redispatch && command.actor().role() == Role.OPERATOR)) {
            return redispatch
                    ? reject(WRONG_STATE, "case " + c.id() + " is already with " + c.department().orElseThrow()
                            + "; only an operator can re-dispatch it")
                    : wrongState(c, command, CaseState.FILED, CaseState.DISPATCHED, CaseState.IN_PROGRESS);
        }
        if (isBlank(d.department())) {
            return reject(INVALID_VALUE, "name the department to dispatch to");
        }
        if (!rules.knowsDepartment(d.department())) {
            return reject(UNKNOWN_DEPARTMENT, "there is no department " + d.department());
        }
        if (redispatch && d.department().equals(c.department().orElse(null))
                && (d.assignee() == null || d.assignee().equals(c.assignee().orElse(null)))) {
            return reject(ALREADY_DISPATCHED_THERE, "case " + c.id() + " is already with " + d.department());
        }
        return accept(c, command, new CaseChange.Dispatched(d.department(), d.assignee(), d.note(), redispatch,
                deadline(c, Stage.HANDLING, command)));
    }

    private Decision acceptTask(Case c, CaseCommand command) {
        if (c.state() != CaseState.DISPATCHED) {
            return wrongState(c, command, CaseState.DISPATCHED);
        }
        Decision scope = requireDepartment(c, command);
        return scope != null ? scope : accept(c, command, new CaseChange.Accepted(command.actor().id()));
    }

    private Decision returnCase(Case c, CaseCommand command, CaseAction.Return r) {
        if (c.state() != CaseState.DISPATCHED && c.state() != CaseState.IN_PROGRESS) {
            return wrongState(c, command, CaseState.DISPATCHED, CaseState.IN_PROGRESS);
        }
        Decision scope = requireDepartment(c, command);
        if (scope != null) {
            return scope;
        }
        if (isBlank(r.reason())) {
            return reject(REASON_REQUIRED, "say why the case is not your department's, so it can be dispatched right");
        }
        return accept(c, command, new CaseChange.Returned(c.department().orElseThrow(), r.reason(),
                deadline(c, Stage.DISPATCH, command)));
    }

    private Decision requestExtension(Case c, CaseCommand command, CaseAction.RequestExtension x) {
        if (c.state() != CaseState.IN_PROGRESS) {
            return wrongState(c, command, CaseState.IN_PROGRESS);
        }
        Decision scope = requireDepartment(c, command);
        if (scope != null) {
            return scope;
        }
        if (c.pendingExtension().isPresent()) {
            return reject(EXTENSION_PENDING, "an extension request for case " + c.id() + " is already waiting for approval");
        }
        if (isBlank(x.reason())) {
            return reject(REASON_REQUIRED, "say why the work needs more time");
        }
        Duration max = rules.maxExtension(c.categoryCode());
        if (x.extra().isNegative() || x.extra().isZero() || x.extra().compareTo(max) > 0) {
            return reject(INVALID_VALUE, "an extension adds more than 0 and at most " + hours(max) + " of handling time, not " + hours(x.extra()));
        }
        return accept(c, command, new CaseChange.ExtensionRequested(x.extra(), x.reason()));
    }

    private Decision approveExtension(Case c, CaseCommand command, CaseAction.ApproveExtension x) {
        if (c.state() != CaseState.IN_PROGRESS || c.pendingExtension().isEmpty()) {
            return reject(NO_PENDING_EXTENSION, "case " + c.id() + " has no extension request waiting");
        }
        Duration extra = c.pendingExtension().get().extra();
        Instant current = c.deadline(Stage.HANDLING).orElseThrow();
        // extended from the old deadline, not from now: approving late must not reward the delay
        Instant extended = rules.clock(c.categoryCode()).deadline(current, extra);
        return accept(c, command, new CaseChange.ExtensionApproved(extra, x.note(), extended));
    }

    private Decision rejectExtension(Case c, CaseCommand command, CaseAction.RejectExtension x) {
        if (c.state() != CaseState.IN_PROGRESS || c.pendingExtension().isEmpty()) {
            return reject(NO_PENDING_EXTENSION, "case " + c.id() + " has no extension request waiting");
        }
        if (isBlank(x.reason())) {
            return reject(REASON_REQUIRED, "say why the extension is refused");
        }
        return accept(c, command, new CaseChange.ExtensionRejected(x.reason()));
    }

    private Decision suspend(Case c, CaseCommand command, CaseAction.Suspend s) {
        if (c.state() != CaseState.DISPATCHED && c.state() != CaseState.IN_PROGRESS) {
            return wrongState(c, command, CaseState.DISPATCHED, CaseState.IN_PROGRESS);
        }
        if (isBlank(s.reason())) {
            return reject(REASON_REQUIRED, "say why the case is put on hold");
        }
        Duration remaining = rules.clock(c.categoryCode())
                .elapsed(command.at(), c.deadline(Stage.HANDLING).orElseThrow());
        return accept(c, command, new CaseChange.Suspended(s.reason(), c.state(), remaining));
    }

    private Decision resume(Case c, CaseCommand command, CaseAction.Resume r) {
        if (c.state() != CaseState.SUSPENDED) {
            return wrongState(c, command, CaseState.SUSPENDED);
        }
        Case.Suspension s = c.suspension().orElseThrow();
        Instant deadline = rules.clock(c.categoryCode()).deadline(command.at(), s.remaining());
        return accept(c, command, new CaseChange.Resumed(r.note(), s.resumeTo(), deadline));
    }

    private Decision reportHandled(Case c, CaseCommand command, CaseAction.ReportHandled h) {
        if (c.state() != CaseState.IN_PROGRESS) {
            return wrongState(c, command, CaseState.IN_PROGRESS);
        }
        Decision scope = requireDepartment(c, command);
        if (scope != null) {
            return scope;
        }
        if (h.evidence().isEmpty()) {
            return reject(EVIDENCE_REQUIRED, "attach at least one photo of the finished work");
        }
        boolean late = command.at().isAfter(c.deadline(Stage.HANDLING).orElseThrow());
        return accept(c, command, new CaseChange.Handled(command.actor().id(), h.note(), h.evidence(), late,
                deadline(c, Stage.CHECK, command)));
    }

    private Decision check(Case c, CaseCommand command, CaseAction.Check check) {
        if (c.state() != CaseState.HANDLED) {
            return wrongState(c, command, CaseState.HANDLED);
        }
        String checker = command.actor().id();
        if (checker.equals(c.handledBy().orElse(null))) {
            return reject(CHECKER_IS_HANDLER, "the person who handled case " + c.id() + " cannot check it");
        }
        if (check.evidence().isEmpty()) {
            return reject(EVIDENCE_REQUIRED, "attach at least one photo taken on site");
        }
        if (check.passed()) {
            return accept(c, command, new CaseChange.CheckPassed(checker, check.note(), check.evidence()));
        }
        if (isBlank(check.note())) {
            return reject(REASON_REQUIRED, "say what is still wrong, so the rework can fix it");
        }
        return accept(c, command, new CaseChange.CheckFailed(checker, check.note(), check.evidence(),
                c.reworkCount() + 1, deadline(c, Stage.DISPATCH, command)));
    }

    private Decision close(Case c, CaseCommand command, CaseAction.Close close) {
        if (c.state() != CaseState.CHECK_PASSED) {
            return wrongState(c, command, CaseState.CHECK_PASSED);
        }
        return accept(c, command, new CaseChange.Closed(close.note()));
    }

    private Decision voidCase(Case c, CaseCommand command, CaseAction.Void v) {
        if (c.state().isTerminal()) {
            return wrongState(c, command, openStates());
        }
        if (isBlank(v.reason())) {
            return reject(REASON_REQUIRED, "say why the case is voided");
        }
        return accept(c, command, new CaseChange.Voided(v.reason(), c.state()));
    }

    private Decision merge(Case c, CaseCommand command, ReportDetails duplicate) {
        if (c.state().isTerminal()) {
            return wrongState(c, command, openStates());
        }
        if (!duplicate.categoryCode().equals(c.categoryCode())) {
            return reject(INVALID_VALUE, "a report of category " + duplicate.categoryCode()
                    + " is not a duplicate of case " + c.id() + " (category " + c.categoryCode() + ")");
        }
        boolean seen = Stream.concat(Stream.of(c.report()), c.duplicates().stream())
                .anyMatch(r -> r.sourceId().equals(duplicate.sourceId()));
        if (seen) {
            return reject(DUPLICATE_SOURCE, "report " + duplicate.sourceId() + " is already part of case " + c.id());
        }
        return accept(c, command, new CaseChange.DuplicateMerged(duplicate));
    }

    private Decision clearAlarm(Case c, CaseCommand command, CaseAction.ClearAlarm clear) {
        if (c.state().isTerminal()) {
            return wrongState(c, command, openStates());
        }
        if (isBlank(clear.episodeId()) || isBlank(clear.sourceId())) {
            return reject(INVALID_VALUE, "an alarm clear names its episode and its intake id");
        }
        boolean fromSensor = Stream.concat(Stream.of(c.report()), c.duplicates().stream())
                .anyMatch(r -> r.channel() == Channel.SENSOR);
        if (!fromSensor) {
            return reject(INVALID_VALUE, "case " + c.id() + " has no sensor alarm to clear");
        }
        if (c.clearedEpisodes().contains(clear.episodeId())) {
            return reject(ALREADY_FLAGGED, "alarm episode " + clear.episodeId() + " of case " + c.id() + " is already cleared");
        }
        return accept(c, command, new CaseChange.AlarmCleared(clear.episodeId(), clear.sourceId()));
    }

    private Decision warn(Case c, CaseCommand command, Stage stage) {
        Decision running = requireRunning(c, stage);
        if (running != null) {
            return running;
        }
        Instant deadline = c.deadline(stage).orElseThrow();
        if (c.warned().contains(stage) || c.overdue().contains(stage)) {
            return reject(ALREADY_FLAGGED, "the " + stage + " deadline of case " + c.id() + " was already flagged");
        }
        if (!command.at().isBefore(deadline)) {
            return reject(DEADLINE_PASSED, "the " + stage + " deadline of case " + c.id() + " has passed; mark it overdue instead");
        }
        return accept(c, command, new CaseChange.DeadlineApproaching(stage, deadline));
    }

    private Decision markOverdue(Case c, CaseCommand command, Stage stage) {
        Decision running = requireRunning(c, stage);
        if (running != null) {
            return running;
        }
        Instant deadline = c.deadline(stage).orElseThrow();
        if (c.overdue().contains(stage)) {
            return reject(ALREADY_FLAGGED, "case " + c.id() + " is already overdue in " + stage);
        }
        if (command.at().isBefore(deadline)) {
            return reject(NOT_DUE, "the " + stage + " deadline of case " + c.id() + " is " + deadline + ", not yet passed");
        }
        return accept(c, command, new CaseChange.Overdue(stage, deadline));
    }

    private Decision escalate(Case c, CaseCommand command, int level) {
        boolean overdueNow = c.activeStage().map(c.overdue()::contains).orElse(false);
        if (!overdueNow) {
            return reject(NOT_OVERDUE, "case " + c.id() + " has no overdue step running; only overdue cases are escalated");
        }
        if (level != c.escalationLevel() + 1 || level > MAX_ESCALATION_LEVEL) {
            return reject(ESCALATION_OUT_OF_ORDER, "case " + c.id() + " is at escalation level " + c.escalationLevel()
                    + "; the next is " + (c.escalationLevel() + 1) + " and the highest " + MAX_ESCALATION_LEVEL);
        }
        return accept(c, command, new CaseChange.Escalated(level));
    }

    private Decision rate(Case c, CaseCommand command, CaseAction.Rate r) {
        if (c.state() != CaseState.CLOSED) {
            return wrongState(c, command, CaseState.CLOSED);
        }
        if (!c.followers().contains(command.actor().id())) {
            return reject(NOT_THE_REPORTER, "only a resident who reported case " + c.id() + " can rate it");
        }
        if (c.rating().isPresent()) {
            return reject(ALREADY_RATED, "case " + c.id() + " has already been rated");
        }
        if (r.score() < MIN_SCORE || r.score() > MAX_SCORE) {
            return reject(INVALID_VALUE, "a rating is from " + MIN_SCORE + " to " + MAX_SCORE + ", not " + r.score());
        }
        return accept(c, command, new CaseChange.Rated(r.score(), r.comment()));
    }

    private Decision requireDepartment(Case c, CaseCommand command) {
        String mine = command.actor().department();
        String theirs = c.department().orElse(null);
        if (!mine.equals(theirs)) {
            return reject(NOT_YOUR_DEPARTMENT, "case " + c.id() + " is dispatched to " + theirs + ", not to " + mine);
        }
        return null;
    }

    private Decision requireRunning(Case c, Stage stage) {
        if (c.activeStage().filter(stage::equals).isEmpty()) {
            return reject(WRONG_STATE, "the " + stage + " clock of case " + c.id() + " is not running (case is " + c.state() + ")");
        }
        return null;
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

    private static Decision wrongState(Case c, CaseCommand command, CaseState... needed) {
        return reject(WRONG_STATE, "cannot " + verb(command.action()) + " case " + c.id() + ": it is "
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
}
