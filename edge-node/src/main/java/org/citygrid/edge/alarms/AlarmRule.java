package org.citygrid.edge.alarms;

import java.time.Duration;

/**
 * How one sensor type's readings become alarm episodes.
 *
 * <p>An episode is raised when the value is at or beyond {@code raiseAt} and cleared when it is back
 * at or within {@code clearAt}; the gap between the two is the hysteresis that keeps a value
 * hovering around one threshold from raising and clearing again and again. Either edge needs
 * {@code debounce} consecutive readings on its side and those readings must span at least
 * {@code minDurationSeconds}, so one spike or one bad sample changes nothing.
 *
 * @param quantity                 the SenML name that carries the measurement, e.g. {@code tilt}
 * @param unit                     the SenML unit the thresholds are in, e.g. {@code deg}; a reading in
 *                                 another unit is refused rather than compared
 * @param min                      lowest physically possible value; below it the reading is refused
 * @param max                      highest physically possible value
 * @param direction                whether the alarm is for high ({@code ABOVE}) or low values
 * @param raiseAt                  threshold that raises
 * @param clearAt                  threshold that clears
 * @param debounce                 consecutive readings needed for either edge (at least 1)
 * @param minDurationSeconds       how long the condition must hold, by reading time, for either edge
 * @param reportingIntervalSeconds how often devices of this type should report (pushed via /config)
 */
public record AlarmRule(String quantity, String unit, double min, double max, Direction direction, double raiseAt,
                        double clearAt, int debounce, long minDurationSeconds, long reportingIntervalSeconds) {

    public enum Direction { ABOVE, BELOW }

    public AlarmRule {
        if (quantity == null || quantity.isBlank() || unit == null) {
            throw new IllegalArgumentException("a rule needs a quantity and a unit");
        }
        if (!(min < max)) {
            throw new IllegalArgumentException(quantity + ": min must be below max");
        }
        direction = direction == null ? Direction.ABOVE : direction;
        if (direction == Direction.ABOVE ? clearAt > raiseAt : clearAt < raiseAt) {
            throw new IllegalArgumentException(quantity + ": clearAt " + clearAt + " is on the wrong side of raiseAt "
                    + raiseAt + " for an alarm " + direction.name().toLowerCase(java.util.Locale.ROOT) + " the threshold");
        }
        debounce = Math.max(1, debounce);
        if (minDurationSeconds < 0 || reportingIntervalSeconds < 0) {
            throw new IllegalArgumentException(quantity + ": durations cannot be negative");
        }
    }

    public Duration minDuration() {
        return Duration.ofSeconds(minDurationSeconds);
    }

    public boolean inRange(double value) {
        return value >= min && value <= max;
    }

    boolean beyondRaise(double value) {
        return direction == Direction.ABOVE ? value >= raiseAt : value <= raiseAt;
    }

    boolean withinClear(double value) {
        return direction == Direction.ABOVE ? value <= clearAt : value >= clearAt;
    }
}
