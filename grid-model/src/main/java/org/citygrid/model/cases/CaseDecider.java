package org.citygrid.model.cases;

import static org.citygrid.model.cases.RejectionReason.*;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.citygrid.model.casenumber.CaseNumber;
import org.citygrid.model.cases.AllowedAction.Need;
import org.citygrid.model.component.ComponentCode;
import org.citygrid.model.grid.GridCode;

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
    /** The longest a department may ask to hold the work (缓办): a season, up to a year. */
    public static final Duration MAX_POSTPONEMENT = Duration.ofDays(366);
    /** Case numbers count by the year in the city's zone. */
    public static final ZoneId NUMBERING_ZONE = ZoneId.of("Asia/Shanghai");

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
                new CaseAction.AssignVerification(null, null),
                new CaseAction.Verify(true, null, List.of()),
                new CaseAction.CorrectReport(null, null, null, null, null),
                new CaseAction.File(null),
                new CaseAction.Dismiss(null),
                new CaseAction.Dispatch(null, null, null),
                new CaseAction.SendBack(null),
                new CaseAction.Accept(),
                new CaseAction.Return(null),
                new CaseAction.RequestExtension(Duration.ZERO, null),
                new CaseAction.ApproveExtension(null),
                new CaseAction.RejectExtension(null),
                new CaseAction.Suspend(null),
                new CaseAction.Resume(null),
                new CaseAction.ReportHandled(null, List.of()),
                new CaseAction.AssignCheck(null, null),
                new CaseAction.Check(true, null, List.of()),
                new CaseAction.Close(null),
                new CaseAction.Void(null),
                new CaseAction.PutOnLedger(null, null),
                new CaseAction.TakeOffLedger(null),
                new CaseAction.Press(null),
                new CaseAction.Urge(null),
                new CaseAction.AssignNumber(probeNumber(c)),
                new CaseAction.MergeDuplicate(c.report()),
                new CaseAction.ClearAlarm(null, null),
                new CaseAction.WarnDeadline(running),
                new CaseAction.MarkOverdue(running),
                new CaseAction.Escalate(c.clock().escalationLevel() + 1),
                new CaseAction.Rate(0, null));
    }

    /** A number of the case's district and year for the survey to ask about: the values are checked later. */
    private static CaseNumber probeNumber(Case c) {
        Instant when = c.times().filedAt().orElse(c.times().reportedAt());
        return new CaseNumber(when.atZone(NUMBERING_ZONE).getYear(), c.gridCode().substring(0, 6), 1);
    }

    private static Rejection roleCheck(Actor actor, CaseAction action) {
        Set<Role> allowed = CommandRoles.allowed(action);
        if (allowed.contains(actor.role())) {
            return null;
        }
        return new Rejection(ROLE_NOT_ALLOWED, actor.role().nameZh() + "不能" + verbZh(action) + "，这是"
                + allowed.stream().map(Role::nameZh).collect(Collectors.joining("、")) + "的工作 / " + withArticle(label(actor.role()))
                + " may not " + verb(action) + "; that is for " + allowed.stream().map(CaseDecider::label)
                .collect(Collectors.joining(" or ")));
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
            case CaseAction.AssignVerification a -> firstOf(inState(c, action, CaseState.REPORTED),
                    () -> alreadyVerified(c),
                    () -> systemReassigning(c, actor, c.work().verificationTask(), "核实"));
            case CaseAction.Verify v -> firstOf(inState(c, action, CaseState.REPORTED),
                    () -> alreadyVerified(c),
                    () -> notYourTask(c, actor, c.work().verificationTask(), "核实", "verification"),
                    () -> actor.id().equals(c.report().reporterId())
                            ? new Rejection(VERIFIER_IS_REPORTER, "case " + c.id() + " is your own report; another worker verifies it")
                            : null);
            case CaseAction.CorrectReport x -> inState(c, action, CaseState.REPORTED);
            case CaseAction.File f -> firstOf(inState(c, action, CaseState.REPORTED),
                    () -> actor.role() == Role.SYSTEM && !rules.filesAutomatically(c.categoryCode(), c.report().channel())
                            ? new Rejection(NOT_AUTO_FILED, "category " + c.categoryCode() + " reported through "
                            + c.report().channel() + " waits for the supervision centre to file it")
                            : null);
            case CaseAction.Dismiss d -> inState(c, action, CaseState.REPORTED);
            case CaseAction.Dispatch d -> mayDispatch(c, actor, action);
            case CaseAction.SendBack b -> inState(c, action, CaseState.FILED);
            case CaseAction.Accept a -> firstOf(inState(c, action, CaseState.DISPATCHED), () -> inDepartment(c, actor));
            case CaseAction.Return r ->
                    firstOf(inState(c, action, CaseState.DISPATCHED, CaseState.IN_PROGRESS), () -> inDepartment(c, actor));
            case CaseAction.RequestExtension x -> firstOf(inState(c, action, CaseState.IN_PROGRESS),
                    () -> inDepartment(c, actor),
                    () -> c.pendingExtension().isPresent()
                            ? new Rejection(EXTENSION_PENDING, "an extension request for case " + c.id() + " is already waiting for approval")
                            : null);
            case CaseAction.ApproveExtension x -> firstOf(extensionWaiting(c), () -> approvalTier(c, actor));
            case CaseAction.RejectExtension x -> firstOf(extensionWaiting(c), () -> approvalTier(c, actor));
            case CaseAction.Suspend s -> inState(c, action, CaseState.DISPATCHED, CaseState.IN_PROGRESS);
            case CaseAction.Resume r -> inState(c, action, CaseState.SUSPENDED);
            case CaseAction.ReportHandled h -> firstOf(inState(c, action, CaseState.IN_PROGRESS), () -> inDepartment(c, actor));
            case CaseAction.AssignCheck a -> firstOf(inState(c, action, CaseState.HANDLED),
                    () -> systemReassigning(c, actor, c.work().checkTask(), "核查"));
            case CaseAction.Check k -> firstOf(inState(c, action, CaseState.HANDLED),
                    () -> notYourTask(c, actor, c.work().checkTask(), "核查", "check"),
                    () -> actor.id().equals(c.handledBy().orElse(null))
                            ? new Rejection(CHECKER_IS_HANDLER, "the person who handled case " + c.id() + " cannot check it")
                            : null);
            case CaseAction.Close k -> inState(c, action, CaseState.CHECK_PASSED);
            case CaseAction.Void v -> open(c, action);
            case CaseAction.PutOnLedger l -> inState(c, action, CaseState.FILED, CaseState.DISPATCHED, CaseState.IN_PROGRESS,
                    CaseState.SUSPENDED);
            case CaseAction.TakeOffLedger l -> inState(c, action, CaseState.ON_LEDGER);
            case CaseAction.Press p -> inState(c, action, CaseState.DISPATCHED, CaseState.IN_PROGRESS, CaseState.SUSPENDED);
            case CaseAction.Urge u -> inState(c, action, CaseState.DISPATCHED, CaseState.IN_PROGRESS, CaseState.SUSPENDED);
            case CaseAction.AssignNumber n -> firstOf(open(c, action),
                    () -> c.times().filedAt().isEmpty()
                            ? new Rejection(WRONG_STATE, "case " + c.id() + " was never filed; only a filed case gets a number")
                            : null,
                    () -> c.caseNumber().isPresent()
                            ? new Rejection(ALREADY_NUMBERED, "案件已有案卷号 " + c.caseNumber().get() + " / case " + c.id()
                            + " is already numbered " + c.caseNumber().get())
                            : null);
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
        if (c.state() == CaseState.FILED || redispatch && actor.role().holds(Role.DISPATCHER)) {
            return null;
        }
        return redispatch
                ? new Rejection(WRONG_STATE, "case " + c.id() + " is already with " + c.department().orElseThrow()
                        + "; only a dispatcher can re-dispatch it")
                : wrongState(c, action, CaseState.FILED, CaseState.DISPATCHED, CaseState.IN_PROGRESS);
    }

    private static Rejection alreadyVerified(Case c) {
        return c.verification().isPresent()
                ? new Rejection(ALREADY_VERIFIED, "case " + c.id() + " was already verified by "
                + c.verification().get().verifier() + "; the supervision centre decides on it now")
                : null;
    }

    /** A task is open for another supervisor: only they may do it. */
    private static Rejection notYourTask(Case c, Actor actor, CaseWork.Task task, String zh, String en) {
        return task == null || task.supervisor().equals(actor.id()) ? null
                : new Rejection(NOT_YOUR_TASK, "案件" + c.id() + "的" + zh + "任务已派给" + task.supervisor() + " / the " + en
                + " task of case " + c.id() + " is " + task.supervisor() + "'s, not yours");
    }

    /** The case cycle assigns a task only where none is open; re-assigning is for the acceptor. */
    private static Rejection systemReassigning(Case c, Actor actor, CaseWork.Task task, String zh) {
        return task == null || actor.role() != Role.SYSTEM ? null
                : new Rejection(TASK_ALREADY_ASSIGNED, "案件" + c.id() + "的" + zh + "任务已派给" + task.supervisor()
                + "，改派由受理员进行 / case " + c.id() + " already has its task with " + task.supervisor()
                + "; an acceptor re-assigns it");
    }

    /** Whether the actor's post is of a tier the pending request needs. */
    private Rejection approvalTier(Case c, Actor actor) {
        Case.PendingExtension pending = c.pendingExtension().orElseThrow();
        int granted = c.work().extensionsGranted();
        Set<Role> approvers = rules.extensionApprovers(c.categoryCode(), pending.kindOrDefault(), pending.extra(), granted);
        if (approvers.stream().anyMatch(actor.role()::holds)) {
            return null;
        }
        String who = approvers.stream().map(Role::nameZh).collect(Collectors.joining("或"));
        return new Rejection(APPROVAL_TIER, pending.kindOrDefault().nameZh() + " " + hours(pending.extra()) + "（此前已批准" + granted
                + "次延期）须由" + who + "审批 / " + withArticle(pending.kindOrDefault().name().toLowerCase(java.util.Locale.ROOT))
                + " of " + hours(pending.extra()) + " after " + granted + " granted needs the approval of "
                + approvers.stream().map(CaseDecider::label).collect(Collectors.joining(" or ")));
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
            case CaseAction.AssignVerification a -> assignVerification(c, command, a, in);
            case CaseAction.Verify v -> verify(c, command, v, in);
            case CaseAction.CorrectReport x -> correct(c, command, x, in);
            case CaseAction.File f -> accept(c, command, new CaseChange.Filed(f.note(), command.actor().role() == Role.SYSTEM,
                    deadline(c, Stage.DISPATCH, command)));
            case CaseAction.Dismiss d -> in.orElse(in.required(Field.REASON, isBlank(d.reason()), REASON_REQUIRED,
                            "say why the report does not meet the filing criteria"),
                    () -> accept(c, command, new CaseChange.Dismissed(d.reason())));
            case CaseAction.Dispatch d -> dispatch(c, command, d, in);
            case CaseAction.SendBack b -> in.orElse(in.required(Field.REASON, isBlank(b.reason()), REASON_REQUIRED,
                            "say what is wrong with the filing, so the supervision centre can put it right"),
                    () -> accept(c, command, new CaseChange.SentBack(b.reason(), deadline(c, Stage.FILING, command))));
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
            case CaseAction.AssignCheck a -> assignCheck(c, command, a, in);
            case CaseAction.Check k -> check(c, command, k, in);
            case CaseAction.Close k -> accept(c, command, new CaseChange.Closed(k.note()));
            case CaseAction.Void v -> in.orElse(in.required(Field.REASON, isBlank(v.reason()), REASON_REQUIRED,
                            "say why the case is voided"),
                    () -> accept(c, command, new CaseChange.Voided(v.reason(), c.state())));
            case CaseAction.PutOnLedger l -> putOnLedger(c, command, l, in);
            case CaseAction.TakeOffLedger l -> accept(c, command, new CaseChange.LedgerCleared(l.note(), deadline(c, Stage.DISPATCH, command)));
            case CaseAction.Press p -> in.orElse(in.required(Field.REASON, isBlank(p.reason()), REASON_REQUIRED,
                            "say what the department must do, and by when"),
                    () -> accept(c, command, new CaseChange.Pressed(c.department().orElse(null), p.reason())));
            case CaseAction.Urge u -> accept(c, command, new CaseChange.Urged(c.department().orElse(null), u.note()));
            case CaseAction.AssignNumber n -> number(c, command, n.number());
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
            case OPERATOR, ACCEPTOR -> Channel.HOTLINE;
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

    private Decision assignVerification(Case c, CaseCommand command, CaseAction.AssignVerification a, Inputs in) {
        Decision missing = in.required(Field.SUPERVISOR, isBlank(a.supervisor()), INVALID_VALUE,
                "name the grid supervisor who verifies the report on site");
        if (missing != null || in.surveying()) {
            return missing;
        }
        if (a.supervisor().equals(c.report().reporterId())) {
            return reject(VERIFIER_IS_REPORTER, a.supervisor() + " reported case " + c.id() + "; another supervisor verifies it");
        }
        CaseWork.Task open = c.work().verificationTask();
        if (open != null && open.supervisor().equals(a.supervisor())) {
            return reject(INVALID_VALUE, "the verification of case " + c.id() + " is already with " + a.supervisor());
        }
        return accept(c, command, new CaseChange.VerificationAssigned(a.supervisor(), a.note(), open != null,
                deadline(c, Stage.VERIFICATION, command)));
    }

    private Decision assignCheck(Case c, CaseCommand command, CaseAction.AssignCheck a, Inputs in) {
        Decision missing = in.required(Field.SUPERVISOR, isBlank(a.supervisor()), INVALID_VALUE,
                "name the grid supervisor who checks the work on site");
        if (missing != null || in.surveying()) {
            return missing;
        }
        if (a.supervisor().equals(c.handledBy().orElse(null))) {
            return reject(CHECKER_IS_HANDLER, a.supervisor() + " handled case " + c.id() + " and cannot check it");
        }
        CaseWork.Task open = c.work().checkTask();
        if (open != null && open.supervisor().equals(a.supervisor())) {
            return reject(INVALID_VALUE, "the check of case " + c.id() + " is already with " + a.supervisor());
        }
        return accept(c, command, new CaseChange.CheckAssigned(a.supervisor(), a.note(), open != null,
                deadline(c, Stage.CHECK, command)));
    }

    /**
     * A correction names at least one thing to change; a new position comes with its unit grid
     * (the sender geocodes it), a component must be of the (new) category, and a component of the
     * old category is dropped when the category changes.
     */
    private Decision correct(Case c, CaseCommand command, CaseAction.CorrectReport x, Inputs in) {
        Decision missing = in.required(Field.REASON, isBlank(x.reason()), REASON_REQUIRED, "say why the report is corrected");
        if (missing != null || in.surveying()) {
            return missing;
        }
        ReportDetails r = c.report();
        if (x.categoryCode() == null && x.position() == null && x.gridCode() == null && x.componentCode() == null) {
            return reject(INVALID_VALUE, "a correction names the category, the position with its grid, or the component");
        }
        if ((x.position() == null) != (x.gridCode() == null)) {
            return reject(INVALID_VALUE, "a corrected position comes with the unit grid it falls in, and a grid with its position");
        }
        if (x.gridCode() != null && !GridCode.isValid(x.gridCode())) {
            return reject(INVALID_VALUE, "'" + x.gridCode() + "' is not a unit grid code");
        }
        if (x.categoryCode() != null && !rules.knowsCategory(x.categoryCode())) {
            return reject(UNKNOWN_CATEGORY, "there is no category " + x.categoryCode() + " in the catalogue");
        }
        if (x.componentCode() != null && !ComponentCode.isValid(x.componentCode())) {
            return reject(INVALID_VALUE, "'" + x.componentCode() + "' is not a component code (16 digits)");
        }
        String category = x.categoryCode() != null ? x.categoryCode() : r.categoryCode();
        String component = x.componentCode() != null ? x.componentCode()
                : r.componentCode() != null && ComponentCode.parse(r.componentCode()).categoryCode().equals(category)
                ? r.componentCode() : null;
        if (component != null && !ComponentCode.parse(component).categoryCode().equals(category)) {
            return reject(INVALID_VALUE, "component " + component + " is of category "
                    + ComponentCode.parse(component).categoryCode() + ", not " + category);
        }
        return accept(c, command, new CaseChange.ReportCorrected(category,
                x.position() != null ? x.position() : r.position(), x.gridCode() != null ? x.gridCode() : r.gridCode(),
                component, x.reason(), r.categoryCode(), r.gridCode()));
    }

    private Decision putOnLedger(Case c, CaseCommand command, CaseAction.PutOnLedger l, Inputs in) {
        Decision missing = in.required(Field.REASON, isBlank(l.reason()), REASON_REQUIRED,
                "say why the case cannot be solved now (funding, season, works planned)");
        if (missing != null || in.surveying()) {
            return missing;
        }
        if (l.reviewBy() != null && l.reviewBy().isBefore(command.at())) {
            return reject(INVALID_VALUE, "a ledger entry is reviewed later, not at " + l.reviewBy());
        }
        return accept(c, command, new CaseChange.Ledgered(l.reason(), l.reviewBy(), c.state()));
    }

    private Decision number(Case c, CaseCommand command, CaseNumber number) {
        String county = c.gridCode().substring(0, 6);
        int year = c.times().filedAt().orElseThrow().atZone(NUMBERING_ZONE).getYear();
        if (!number.county().equals(county) || number.year() != year) {
            return reject(INVALID_VALUE, "case " + c.id() + " was filed in " + year + " in district " + county
                    + "; its number is of that district and year, not " + number);
        }
        return accept(c, command, new CaseChange.Numbered(number));
    }

    private Decision verify(Case c, CaseCommand command, CaseAction.Verify v, Inputs in) {
        Decision missing = in.required(Field.EVIDENCE, v.evidence().isEmpty(), EVIDENCE_REQUIRED,
                "attach at least one photo taken on site");
        if (missing == null) {
            missing = in.requiredWhenNegative(Field.NOTE, !v.found(), isBlank(v.note()), REASON_REQUIRED,
                    "say what you found instead, so the report can be dismissed with a reason");
        }
        return in.orElse(missing, () -> accept(c, command,
                new CaseChange.Verified(command.actor().id(), v.found(), v.note(), v.evidence(), deadline(c, Stage.FILING, command))));
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
        boolean postponement = x.kindOrDefault() == ExtensionKind.POSTPONEMENT;
        Duration max = postponement ? MAX_POSTPONEMENT : rules.maxExtension(c.categoryCode());
        if (x.extra().isNegative() || x.extra().isZero() || x.extra().compareTo(max) > 0) {
            return reject(INVALID_VALUE, postponement
                    ? "a postponement (缓办) holds the work for more than 0 and at most " + MAX_POSTPONEMENT.toDays() + " days, not " + hours(x.extra())
                    : "an extension adds more than 0 and at most " + hours(max) + " of handling time, not " + hours(x.extra()));
        }
        return accept(c, command, new CaseChange.ExtensionRequested(x.extra(), x.reason(), x.kind()));
    }

    private Decision approveExtension(Case c, CaseCommand command, CaseAction.ApproveExtension x) {
        Case.PendingExtension pending = c.pendingExtension().orElseThrow();
        if (pending.kindOrDefault() == ExtensionKind.POSTPONEMENT) {
            return accept(c, command, new CaseChange.PostponementApproved(x.note(), pending.reason(), c.state(),
                    rules.clock(c.categoryCode()).elapsed(command.at(), c.deadline(Stage.HANDLING).orElseThrow())));
        }
        Duration extra = pending.extra();
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
                ? accept(c, command, new CaseChange.CheckPassed(checker, check.note(), check.evidence(),
                        deadline(c, Stage.CLOSING, command)))
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

    private static String withArticle(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static String label(Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** How a person would name the action in a sentence. */
    static String verb(CaseAction action) {
        return switch (action) {
            case CaseAction.Report r -> "report a problem";
            case CaseAction.AssignVerification a -> "send for verification";
            case CaseAction.Verify v -> "verify";
            case CaseAction.CorrectReport x -> "correct the report of";
            case CaseAction.File f -> "file";
            case CaseAction.Dismiss d -> "dismiss";
            case CaseAction.Dispatch d -> "dispatch";
            case CaseAction.SendBack b -> "send back to the supervision centre";
            case CaseAction.Accept a -> "accept";
            case CaseAction.Return r -> "return";
            case CaseAction.RequestExtension x -> "request an extension for";
            case CaseAction.ApproveExtension x -> "approve an extension for";
            case CaseAction.RejectExtension x -> "refuse an extension for";
            case CaseAction.Suspend s -> "suspend";
            case CaseAction.Resume r -> "resume";
            case CaseAction.ReportHandled h -> "report handled";
            case CaseAction.AssignCheck a -> "send for checking";
            case CaseAction.Check c -> "check";
            case CaseAction.Close c -> "close";
            case CaseAction.Void v -> "void";
            case CaseAction.PutOnLedger l -> "put on the ledger";
            case CaseAction.TakeOffLedger l -> "take off the ledger";
            case CaseAction.Press p -> "press the department on";
            case CaseAction.Urge u -> "urge the department on";
            case CaseAction.AssignNumber n -> "number";
            case CaseAction.MergeDuplicate m -> "merge a duplicate into";
            case CaseAction.ClearAlarm a -> "clear the alarm of";
            case CaseAction.WarnDeadline w -> "warn of the deadline of";
            case CaseAction.MarkOverdue o -> "mark overdue";
            case CaseAction.Escalate e -> "escalate";
            case CaseAction.Rate r -> "rate";
        };
    }

    /** How the action is called in Chinese, for the refusal a person reads. */
    static String verbZh(CaseAction action) {
        return switch (action) {
            case CaseAction.Report r -> "上报问题";
            case CaseAction.AssignVerification a -> "派发核实";
            case CaseAction.Verify v -> "核实";
            case CaseAction.CorrectReport x -> "更正案件";
            case CaseAction.File f -> "立案";
            case CaseAction.Dismiss d -> "不予立案";
            case CaseAction.Dispatch d -> "派遣";
            case CaseAction.SendBack b -> "回退至监督中心";
            case CaseAction.Accept a -> "接单";
            case CaseAction.Return r -> "回退";
            case CaseAction.RequestExtension x -> "申请延期或缓办";
            case CaseAction.ApproveExtension x -> "批准延期或缓办";
            case CaseAction.RejectExtension x -> "驳回延期或缓办";
            case CaseAction.Suspend s -> "缓办";
            case CaseAction.Resume r -> "恢复办理";
            case CaseAction.ReportHandled h -> "处置反馈";
            case CaseAction.AssignCheck a -> "派发核查";
            case CaseAction.Check c -> "核查";
            case CaseAction.Close c -> "结案";
            case CaseAction.Void v -> "作废";
            case CaseAction.PutOnLedger l -> "挂账";
            case CaseAction.TakeOffLedger l -> "销账";
            case CaseAction.Press p -> "督办";
            case CaseAction.Urge u -> "催办";
            case CaseAction.AssignNumber n -> "编案卷号";
            case CaseAction.MergeDuplicate m -> "合并重复上报";
            case CaseAction.ClearAlarm a -> "解除报警";
            case CaseAction.WarnDeadline w -> "临期预警";
            case CaseAction.MarkOverdue o -> "标记超期";
            case CaseAction.Escalate e -> "升级督办";
            case CaseAction.Rate r -> "评价";
        };
    }

    /** A field of an action that a command may have to carry, by its name in the action's JSON. */
    private enum Field {
        REASON("reason"), NOTE("note"), EVIDENCE("evidence"), DEPARTMENT("department"), SUPERVISOR("supervisor");

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
                    need(Field.NOTE), need(Field.EVIDENCE), need(Field.DEPARTMENT), need(Field.SUPERVISOR));
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
