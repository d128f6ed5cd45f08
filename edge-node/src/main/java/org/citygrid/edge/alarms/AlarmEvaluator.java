package org.citygrid.edge.alarms;

import java.time.Duration;
import org.citygrid.edge.senml.Reading;
import org.citygrid.model.intake.AlarmState;

/**
 * The alarm rule as a pure function: a device's episode state and one reading give the next state
 * and, at most once per episode edge, an {@link AlarmEdge}. No clock, no I/O: the caller decides
 * when the new state counts (only once the edge is durable).
 */
public final class AlarmEvaluator {

    private AlarmEvaluator() {
    }

    /** The outcome of one reading: the state after it and the edge it completed, if any. */
    public record Step(EpisodeState state, AlarmEdge edge) {
    }

    public static Step step(AlarmRule rule, EpisodeState state, Reading reading) {
        double v = reading.value();
        boolean towardsChange = state.active() ? rule.withinClear(v) : rule.beyondRaise(v);
        if (!towardsChange) {
            return new Step(state.settled(), null);
        }
        int streak = state.streak() + 1;
        var streakStart = state.streakStart() == null ? reading.time() : state.streakStart();
        boolean held = !Duration.between(streakStart, reading.time()).minus(rule.minDuration()).isNegative();
        if (streak < rule.debounce() || !held) {
            return new Step(new EpisodeState(state.lastSeq(), state.active(), streak, streakStart), null);
        }
        if (state.active()) {
            return new Step(new EpisodeState(state.lastSeq(), false, 0, null),
                    new AlarmEdge(state.lastSeq(), AlarmState.CLEARED, reading, rule.clearAt()));
        }
        long seq = state.lastSeq() + 1;
        return new Step(new EpisodeState(seq, true, 0, null), new AlarmEdge(seq, AlarmState.RAISED, reading, rule.raiseAt()));
    }
}
