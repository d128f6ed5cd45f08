package org.citygrid.model.intake;

import java.util.Objects;

/**
 * The alarm part of a sensor intake record.
 *
 * @param episodeId the alarm episode, stable from raise to clear: the raise and the clear of one
 *                  episode belong to one case, and a repeated raise is recognised
 * @param state     raised or cleared
 * @param quantity  what was measured (SenML name), e.g. {@code tilt}
 * @param value     the reading that crossed the threshold
 * @param unit      SenML unit, e.g. {@code deg}, {@code m}, {@code %}, {@code dB}
 * @param threshold the threshold of the rule that fired, if any
 */
public record SensorAlarm(String episodeId, AlarmState state, String quantity, double value, String unit,
                          Double threshold) {

    public SensorAlarm {
        Objects.requireNonNull(state, "state");
        if (episodeId == null || episodeId.isBlank()) {
            throw new IllegalArgumentException("a sensor alarm needs an episode id");
        }
    }
}
