package org.citygrid.model.indicator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.citygrid.model.cases.Actor;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseChange;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.cases.CaseRules;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.cases.ReportDetails;
import org.citygrid.model.cases.Role;
import org.citygrid.model.cases.Stage;
import org.citygrid.model.worktime.SlaClock;

/**
 * What one case event adds to the indicators, and under which keys. A pure function of the case
 * before the event, the event, and the case after it, so a batch replay ({@link IndicatorCalculator})
 * and a streaming aggregation that holds the case state get the same facts from the same history.
 *
 * <h2>Which facts an event establishes</h2>
 * <ul>
 *   <li>{@code Reported}: {@link Counter#REPORTED}; {@code DuplicateMerged}: {@link Counter#DUPLICATES}.
 *   <li>{@code Filed} / {@code Dismissed}: {@link Counter#FILED} / {@link Counter#DISMISSED}, and
 *       {@link Counter#VERIFIED_ON_TIME} when decided by the filing deadline.
 *   <li>{@code Dispatched} of a filed case: {@link Counter#DISPATCHED}, and
 *       {@link Counter#DISPATCHED_ON_TIME} when by the dispatch deadline; taken from a department
 *       that still held it: {@link Counter#REDISPATCHED}.
 *   <li>{@code Returned}: {@link Counter#RETURNED}.
 *   <li>{@code Handled}: {@link Counter#HANDLED}, and {@link Counter#HANDLED_ON_TIME} unless the
 *       event says it was late.
 *   <li>{@code CheckPassed}: {@link Counter#CHECKED}, {@link Counter#CHECK_PASSED}, and one
 *       handling-time sample (below); {@code CheckFailed}: {@link Counter#CHECKED},
 *       {@link Counter#REWORKED}; either adds {@link Counter#CHECKED_ON_TIME} when by the check
 *       deadline.
 *   <li>{@code Closed}: {@link Counter#CLOSED}, and {@link Counter#CLOSED_ON_TIME} when no stage of
 *       the case was ever marked overdue and no feedback came after its handling deadline.
 *   <li>{@code Voided}: {@link Counter#VOIDED}; {@code Overdue}: the stage's overdue counter
 *       ({@link Counter#overdue}); {@code Rated}: {@link Counter#RATINGS}, the score into
 *       {@link Counter#RATING_SCORE_SUM}, and {@link Counter#SATISFIED} for a 4 or 5.
 *   <li>Every other change (an on-site verification, accepting, extensions, suspension, warnings,
 *       escalation) adds nothing: on-time verification (按时核实) is the filing decision's, since a
 *       report from a patroller or a sensor needs no separate verification.
 * </ul>
 * A step is <em>by its deadline</em> when its event is not after the deadline of the stage it
 * completes and that stage was not marked overdue; the deadline is read from the case before the
 * event, since the event does not carry it and the case after it has started the next stage.
 *
 * <p>Handling time (处置用时) is measured once per case, when a check passes: the working time,
 * counted by the category's {@link SlaClock}, from the case's first dispatch to the feedback that
 * passed. So a rework round, a return and a suspension all lengthen it: it is how long the problem
 * took to fix, as the category's clock counts.
 *
 * <h2>Under which keys</h2>
 * Every fact counts under the case's grid at each {@link AreaLevel} and under its category. It
 * also counts under the department holding the case at that moment: the one holding it after the
 * event, or, when the event takes the case away (a return, a failed check), the one that held it
 * before. Facts about a person's own work also count under that {@link IndicatorKey.Person}:
 * <ul>
 *   <li>the reporting grid worker (patrol reports only): reported, duplicates, filed, dismissed;
 *   <li>the handler: returned (the handler who returned it), handled, handled on time, and the
 *       handling-time sample (the handler of the passed feedback);
 *   <li>the checker: checked, checked on time, passed, reworked.
 * </ul>
 */
public final class IndicatorFacts {

    private static final int SATISFIED_FROM_SCORE = 4;

    private final Function<String, SlaClock> clockOfCategory;

    /** @param clockOfCategory the SLA clock a category's time limits are counted by */
    public IndicatorFacts(Function<String, SlaClock> clockOfCategory) {
        this.clockOfCategory = Objects.requireNonNull(clockOfCategory, "clockOfCategory");
    }

    /** Facts counted with the clocks of {@code rules}, the same ones the state machine uses. */
    public static IndicatorFacts using(CaseRules rules) {
        return new IndicatorFacts(rules::clock);
    }

    /**
     * The tallies one event adds, by key; empty for an event that establishes no fact.
     *
     * @param before the case before the event; {@code null} for the report that opens it
     * @param event  the event
     * @param after  the case after the event ({@code before.apply(event)}, or {@link Case#open})
     * @throws IllegalArgumentException if the three do not belong together, or the case's grid code
     *                                  is malformed
     */
    public Map<IndicatorKey, IndicatorTally> contributions(Case before, CaseEvent event, Case after) {
        requireConsistent(before, event, after);
        Sheet sheet = new Sheet();
        String actor = person(event.actor());
        switch (event.change()) {
            case CaseChange.Reported r -> {
                sheet.add(Counter.REPORTED, patrolReporter(r.details()));
                if (event.actor().role().holds(Role.ACCEPTOR) && r.details().channel() == Channel.HOTLINE) {
                    sheet.addFor(Counter.INTAKES, actor);
                }
            }
            case CaseChange.DuplicateMerged m -> sheet.add(Counter.DUPLICATES, patrolReporter(m.duplicate()));
            case CaseChange.VerificationAssigned v -> {
                if (!v.reassigned()) {
                    sheet.add(Counter.VERIFICATIONS_SENT, actor);
                    sheet.addIf(byRunningDeadline(before, event), Counter.VERIFICATIONS_SENT_ON_TIME, actor);
                    sheet.addFor(Counter.INTAKES, actor);
                }
            }
            case CaseChange.Verified v -> {
                sheet.add(Counter.VERIFICATIONS, v.verifier());
                sheet.addIf(byRunningDeadline(before, event), Counter.VERIFICATIONS_ON_TIME, v.verifier());
            }
            case CaseChange.Filed f -> {
                sheet.add(Counter.FILED, patrolReporter(after.report()));
                sheet.addFor(Counter.FILED, actor);
                sheet.addIf(byRunningDeadline(before, event), Counter.FILING_ON_TIME, actor);
                sheet.addIf(isPublic(after.report().channel()), Counter.PUBLIC_FILED, null);
            }
            case CaseChange.Dismissed d -> {
                sheet.add(Counter.DISMISSED, patrolReporter(after.report()));
                sheet.addFor(Counter.DISMISSED, actor);
                sheet.addIf(byRunningDeadline(before, event), Counter.FILING_ON_TIME, actor);
            }
            case CaseChange.SentBack b -> sheet.add(Counter.SENT_BACK, before.work().filedBy());
            case CaseChange.Dispatched d -> {
                if (d.redispatch()) {
                    sheet.add(Counter.REDISPATCHED, actor);
                } else {
                    sheet.add(Counter.DISPATCHED, actor);
                    sheet.addIf(byDeadline(before, Stage.DISPATCH, event), Counter.DISPATCHED_ON_TIME, actor);
                }
            }
            case CaseChange.Returned r -> {
                sheet.add(Counter.RETURNED, event.actor().id());
                sheet.addFor(Counter.MISDISPATCHED, before.work().dispatchedBy());
            }
            case CaseChange.Handled h -> {
                sheet.add(Counter.HANDLED, h.handler());
                sheet.addIf(!h.late(), Counter.HANDLED_ON_TIME, h.handler());
            }
            case CaseChange.CheckAssigned k -> {
                if (!k.reassigned()) {
                    sheet.add(Counter.CHECKS_SENT, actor);
                    sheet.addIf(byRunningDeadline(before, event), Counter.CHECKS_SENT_ON_TIME, actor);
                }
            }
            case CaseChange.CheckPassed p -> {
                checked(sheet, before, event, p.checker());
                sheet.add(Counter.CHECK_PASSED, p.checker());
                String handler = after.handledBy().orElse(null);
                sheet.add(Counter.HANDLING_SAMPLES, handler);
                sheet.add(Counter.HANDLING_WORKING_SECONDS, handlingTime(after).toSeconds(), handler);
            }
            case CaseChange.CheckFailed f -> {
                checked(sheet, before, event, f.checker());
                sheet.add(Counter.REWORKED, f.checker());
            }
            case CaseChange.Closed c -> {
                sheet.add(Counter.CLOSED, actor);
                sheet.addIf(closedOnTime(after), Counter.CLOSED_ON_TIME, null);
                sheet.addIf(before.deadline(Stage.CLOSING).map(d -> !event.at().isAfter(d)).orElse(true)
                        && !before.clock().overdue().contains(Stage.CLOSING), Counter.CLOSED_BY_DEADLINE, actor);
            }
            case CaseChange.Voided v -> sheet.add(Counter.VOIDED, before.times().filedAt().isPresent() ? before.work().filedBy() : null);
            case CaseChange.Overdue o -> sheet.add(Counter.overdue(o.stage()), taskSupervisor(before, o.stage()));
            case CaseChange.Rated r -> {
                sheet.add(Counter.RATINGS, null);
                sheet.add(Counter.RATING_SCORE_SUM, r.score(), null);
                sheet.addIf(r.score() >= SATISFIED_FROM_SCORE, Counter.SATISFIED, null);
            }
            case CaseChange.ExtensionApproved x -> sheet.add(Counter.EXTENDED, null);
            case CaseChange.PostponementApproved p -> sheet.add(Counter.POSTPONED, null);
            case CaseChange.Ledgered l -> sheet.add(Counter.LEDGERED, null);
            case CaseChange.LedgerCleared l -> sheet.add(Counter.LEDGER_CLEARED, null);
            case CaseChange.Pressed p -> sheet.add(Counter.PRESSED, null);
            case CaseChange.Urged u -> sheet.add(Counter.URGED, null);
            // listed rather than defaulted, so a new kind of change is a compile error here
            case CaseChange.ReportCorrected c -> {
            }
            case CaseChange.Accepted a -> {
            }
            case CaseChange.ExtensionRequested x -> {
            }
            case CaseChange.ExtensionRejected x -> {
            }
            case CaseChange.Suspended s -> {
            }
            case CaseChange.Resumed r -> {
            }
            case CaseChange.DeadlineApproaching w -> {
            }
            case CaseChange.AlarmCleared a -> {
            }
            case CaseChange.Escalated e -> {
            }
            case CaseChange.Numbered n -> {
            }
        }
        return sheet.byKey(caseKeys(before, after));
    }

    /**
     * The facts of a moment, the end of a period, for one case as it stands then: an open filed
     * case whose running deadline passed is due (应结未结, {@link Counter#DUE_OPEN}); one a department
     * holds past its handling deadline is due to be handled ({@link Counter#HANDLING_DUE_OPEN}). A
     * case on hold or on the ledger is neither. Keyed like the case's events: areas, category, the
     * department holding it.
     *
     * @param c   the case, with every event up to {@code end} applied
     * @param end the end of the period, exclusive
     */
    public Map<IndicatorKey, IndicatorTally> dueAtEnd(Case c, Instant end) {
        if (c.state().isTerminal() || c.times().filedAt().isEmpty() || c.state() == org.citygrid.model.cases.CaseState.REPORTED) {
            return Map.of();
        }
        Optional<Stage> running = c.activeStage();
        if (running.isEmpty() || c.deadline(running.get()).map(d -> d.isBefore(end)).orElse(false) == false) {
            return Map.of();
        }
        Sheet sheet = new Sheet();
        sheet.add(Counter.DUE_OPEN, null);
        sheet.addIf(running.get() == Stage.HANDLING, Counter.HANDLING_DUE_OPEN, null);
        return sheet.byKey(caseKeys(c, c));
    }

    private static boolean isPublic(Channel channel) {
        return channel == Channel.RESIDENT || channel == Channel.HOTLINE || channel == Channel.OPEN311;
    }

    /** A person's user id; a service acting on its own (the case cycle) is no one's work. */
    private static String person(Actor actor) {
        return actor.role() == Role.SYSTEM ? null : actor.id();
    }

    /** The supervisor of the task open in {@code stage}, whose lateness an overdue task is. */
    private static String taskSupervisor(Case before, Stage stage) {
        return switch (stage) {
            case VERIFICATION -> before.work().openVerificationTask().map(t -> t.supervisor()).orElse(null);
            case CHECK -> before.work().openCheckTask().map(t -> t.supervisor()).orElse(null);
            default -> null;
        };
    }

    /** Whether {@code event} completes the stage running in {@code before} by its deadline; true when none runs. */
    private static boolean byRunningDeadline(Case before, CaseEvent event) {
        return before.activeStage().map(stage -> byDeadline(before, stage, event)).orElse(true);
    }

    private static void checked(Sheet sheet, Case before, CaseEvent event, String checker) {
        sheet.add(Counter.CHECKED, checker);
        sheet.addIf(byDeadline(before, Stage.CHECK, event), Counter.CHECKED_ON_TIME, checker);
    }

    private Duration handlingTime(Case passed) {
        Instant from = passed.times().firstDispatchedAt().orElseThrow(() -> inconsistent(passed, "was never dispatched"));
        Instant to = passed.times().handledAt().orElseThrow(() -> inconsistent(passed, "has no feedback"));
        return clockOfCategory.apply(passed.categoryCode()).elapsed(from, to);
    }

    private static boolean closedOnTime(Case closed) {
        return closed.clock().lateStages().isEmpty();
    }

    /** Whether {@code event} completes {@code stage} by the deadline running in {@code before}. */
    private static boolean byDeadline(Case before, Stage stage, CaseEvent event) {
        Instant deadline = before.deadline(stage)
                .orElseThrow(() -> inconsistent(before, "has no " + stage + " deadline running"));
        return !event.at().isAfter(deadline) && !before.clock().overdue().contains(stage);
    }

    private static String patrolReporter(ReportDetails report) {
        return report.channel() == Channel.PATROL ? report.reporterId() : null;
    }

    private static List<IndicatorKey> caseKeys(Case before, Case after) {
        List<IndicatorKey> keys = new ArrayList<>(AreaLevel.values().length + 2);
        for (AreaLevel level : AreaLevel.values()) {
            keys.add(IndicatorKey.Area.of(level, after.gridCode()));
        }
        keys.add(new IndicatorKey.Category(after.categoryCode()));
        Optional<String> department = after.department()
                .or(() -> before == null ? Optional.empty() : before.department());
        department.ifPresent(code -> keys.add(new IndicatorKey.Department(code)));
        return keys;
    }

    private static void requireConsistent(Case before, CaseEvent event, Case after) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(after, "after");
        boolean opening = event.change() instanceof CaseChange.Reported;
        if (opening != (before == null)) {
            throw new IllegalArgumentException(opening
                    ? "a report opens its case; there is no case before it: " + event
                    : "only a report comes without a case before it: " + event);
        }
        if (!after.id().equals(event.caseId()) || after.version() != event.version()
                || (before != null && (!before.id().equals(event.caseId()) || before.version() != event.version() - 1))) {
            throw new IllegalArgumentException("event " + event.caseId() + " v" + event.version()
                    + " does not lead from " + before + " to " + after);
        }
    }

    private static IllegalArgumentException inconsistent(Case c, String what) {
        return new IllegalArgumentException(c + " " + what + ", so it cannot have had this event");
    }

    /** The counts one event adds: all of them for the case's keys, each person's own for theirs. */
    private static final class Sheet {
        private final EnumMap<Counter, Long> forCase = new EnumMap<>(Counter.class);
        private final Map<String, EnumMap<Counter, Long>> forPerson = new LinkedHashMap<>();

        void add(Counter counter, String person) {
            add(counter, 1, person);
        }

        /** Counts only under the person, not the case's keys: a fact of the person's own work in someone else's step. */
        void addFor(Counter counter, String person) {
            if (person != null) {
                forPerson.computeIfAbsent(person, p -> new EnumMap<>(Counter.class)).merge(counter, 1L, Long::sum);
            }
        }

        void addIf(boolean condition, Counter counter, String person) {
            if (condition) {
                add(counter, 1, person);
            }
        }

        void add(Counter counter, long amount, String person) {
            forCase.merge(counter, amount, Long::sum);
            if (person != null) {
                forPerson.computeIfAbsent(person, p -> new EnumMap<>(Counter.class)).merge(counter, amount, Long::sum);
            }
        }

        Map<IndicatorKey, IndicatorTally> byKey(List<IndicatorKey> caseKeys) {
            if (forCase.isEmpty() && forPerson.isEmpty()) {
                return Map.of();
            }
            Map<IndicatorKey, IndicatorTally> byKey = new LinkedHashMap<>();
            if (!forCase.isEmpty()) {
                IndicatorTally caseTally = new IndicatorTally(forCase);
                caseKeys.forEach(key -> byKey.put(key, caseTally));
            }
            forPerson.forEach((person, counts) -> byKey.put(new IndicatorKey.Person(person), new IndicatorTally(counts)));
            return Collections.unmodifiableMap(byKey);
        }
    }
}
