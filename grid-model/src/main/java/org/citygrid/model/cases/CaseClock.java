package org.citygrid.model.cases;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The SLA clock of one case (时限): the deadline of the stage that runs, whether that run was
 * warned of or went overdue, how often the case went overdue in its life, how far it was
 * escalated, and which stages were ever late. Immutable; {@link Case#apply} moves it on.
 *
 * <p>At most one stage runs at a time: a stage that starts replaces every other deadline and the
 * warnings of earlier runs. No stage runs while the case is suspended or finished; a suspension
 * keeps the handling time left in {@link Case.Suspension#remaining()}, and resuming starts the
 * handling stage again with a deadline computed from it.
 *
 * @param deadlines       the deadline of the running stage; empty when none runs
 * @param warned          stages warned of in their current run
 * @param overdue         stages overdue in their current run
 * @param overdueCount    how often any stage went overdue over the case's life
 * @param escalationLevel 0, or how far the overdue case went up (1: duty chief, 2: leadership)
 * @param lateStages      stages that were ever late: completed after their deadline, or marked
 *                        overdue. A case closes on time only if this is empty; lateness stays even
 *                        after a rework or an extension, because the delay happened
 */
public record CaseClock(Map<Stage, Instant> deadlines, Set<Stage> warned, Set<Stage> overdue, int overdueCount,
                        int escalationLevel, Set<Stage> lateStages) {

    /** A clock with no stage running and nothing recorded. */
    public static final CaseClock STOPPED = new CaseClock(Map.of(), Set.of(), Set.of(), 0, 0, Set.of());

    public CaseClock {
        Objects.requireNonNull(deadlines, "deadlines");
        if (deadlines.size() > 1) {
            throw new IllegalArgumentException("one stage runs at a time, not " + deadlines.keySet());
        }
        if (overdueCount < 0 || escalationLevel < 0) {
            throw new IllegalArgumentException("counts are never negative: overdue " + overdueCount
                    + ", escalation " + escalationLevel);
        }
        deadlines = Collections.unmodifiableMap(deadlines.isEmpty() ? new EnumMap<>(Stage.class) : new EnumMap<>(deadlines));
        warned = stages(warned);
        overdue = stages(overdue);
        lateStages = stages(lateStages);
    }

    /** A new case's clock: its first stage runs until {@code deadline}. */
    public static CaseClock startingWith(Stage stage, Instant deadline) {
        return STOPPED.start(stage, deadline);
    }

    /** The deadline of {@code stage}, if it is the one running. */
    public Optional<Instant> deadline(Stage stage) {
        return Optional.ofNullable(deadlines.get(stage));
    }

    /** The clock with {@code stage} (re)started: every other deadline and the warnings of earlier runs go. */
    public CaseClock start(Stage stage, Instant deadline) {
        Objects.requireNonNull(deadline, "deadline");
        return new CaseClock(Map.of(stage, deadline), Set.of(), Set.of(), overdueCount, escalationLevel, lateStages);
    }

    /** The clock with no stage running: deadlines and their warnings go together. */
    public CaseClock stop() {
        return new CaseClock(Map.of(), Set.of(), Set.of(), overdueCount, escalationLevel, lateStages);
    }

    /** The stage that runs now, if any. */
    public Optional<Stage> running() {
        return deadlines.keySet().stream().findFirst();
    }

    /** Completes whichever stage runs now (see {@link #completing}); the clock as it is if none runs. */
    public CaseClock completingRunning(Instant completedAt) {
        return running().map(stage -> completing(stage, completedAt)).orElse(this);
    }

    /** A step that completes {@code stage} at {@code completedAt}, after its deadline, leaves the stage late. */
    public CaseClock completing(Stage stage, Instant completedAt) {
        Instant deadline = deadlines.get(stage);
        return deadline != null && completedAt.isAfter(deadline) ? withLate(stage) : this;
    }

    /** The clock after a warning that {@code stage}'s deadline is near. */
    public CaseClock warn(Stage stage) {
        return new CaseClock(deadlines, plus(warned, stage), overdue, overdueCount, escalationLevel, lateStages);
    }

    /** The clock after {@code stage} went overdue: overdue in this run, late for good, counted once more. */
    public CaseClock markOverdue(Stage stage) {
        return new CaseClock(deadlines, warned, plus(overdue, stage), overdueCount + 1, escalationLevel,
                plus(lateStages, stage));
    }

    public CaseClock escalate(int level) {
        return new CaseClock(deadlines, warned, overdue, overdueCount, level, lateStages);
    }

    private CaseClock withLate(Stage stage) {
        return new CaseClock(deadlines, warned, overdue, overdueCount, escalationLevel, plus(lateStages, stage));
    }

    private static Set<Stage> plus(Set<Stage> stages, Stage stage) {
        EnumSet<Stage> more = stages.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(stages);
        more.add(Objects.requireNonNull(stage, "stage"));
        return more;
    }

    private static Set<Stage> stages(Set<Stage> stages) {
        Objects.requireNonNull(stages, "stages");
        return Collections.unmodifiableSet(stages.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(stages));
    }
}
