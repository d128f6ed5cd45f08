package org.citygrid.demo.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * What one simulated sensor reads next: mostly normal values; now and then an episode that crosses the raise
 * threshold for long enough to raise an alarm (the rule's debounce count and minimum duration), stays there for
 * a while, then comes back below the clear threshold for long enough to clear it. Time is passed in, so the
 * episodes follow whatever clock drives the sensor.
 */
public final class SensorBehaviour {
    /** Where the sensor is in its episode. */
    public enum Phase { NORMAL, RAISING, HIGH, CLEARING }

    private final Threshold threshold;
    private final double alarmChance;
    private final Duration hold;
    private final RandomGenerator random;
    private Phase phase = Phase.NORMAL;
    private int streak;
    private Instant phaseStart;
    private int episodesStarted;
    private int episodesCleared;

    /**
     * @param alarmChance chance that a reading from a normal sensor starts an episode
     * @param hold        how long an episode stays high once it has raised
     */
    public SensorBehaviour(Threshold threshold, double alarmChance, Duration hold, RandomGenerator random) {
        this.threshold = threshold;
        this.alarmChance = alarmChance;
        this.hold = hold;
        this.random = random;
    }

    /** Starts an episode with the next reading, whatever the chance says. */
    public void startEpisode() {
        if (phase == Phase.NORMAL) {
            enter(Phase.RAISING, null);
        }
    }

    /** The value to send at {@code now}, moving the episode on. */
    public double next(Instant now) {
        switch (phase) {
            case NORMAL -> {
                if (random.nextDouble() < alarmChance) {
                    enter(Phase.RAISING, now);
                    return next(now);
                }
                return threshold.normalValue(random);
            }
            case RAISING -> {
                if (phaseStart == null) {
                    phaseStart = now;
                }
                streak++;
                if (longEnough(now)) {
                    enter(Phase.HIGH, now);
                }
                return threshold.alarmValue(random);
            }
            case HIGH -> {
                if (!now.isBefore(phaseStart.plus(hold))) {
                    enter(Phase.CLEARING, now);
                    return next(now);
                }
                return threshold.alarmValue(random);
            }
            case CLEARING -> {
                streak++;
                if (longEnough(now)) {
                    episodesCleared++;
                    enter(Phase.NORMAL, now);
                }
                return threshold.normalValue(random);
            }
            default -> throw new IllegalStateException("phase " + phase);
        }
    }

    public Phase phase() {
        return phase;
    }

    public int episodesStarted() {
        return episodesStarted;
    }

    public int episodesCleared() {
        return episodesCleared;
    }

    public Threshold threshold() {
        return threshold;
    }

    private boolean longEnough(Instant now) {
        return streak >= threshold.debounce()
                && !now.isBefore(phaseStart.plusSeconds(threshold.minDurationSeconds()));
    }

    private void enter(Phase next, Instant now) {
        if (next == Phase.RAISING) {
            episodesStarted++;
        }
        phase = next;
        streak = 0;
        phaseStart = now;
    }
}
