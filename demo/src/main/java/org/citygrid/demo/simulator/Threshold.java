package org.citygrid.demo.simulator;

import java.util.random.RandomGenerator;

/**
 * A sensor's alarm rule as the edge node publishes it at {@code GET /config/{deviceId}} (docs/edge-node.md), and
 * the values that stay on either side of it. The simulator asks each edge node rather than assuming the demo's
 * rules, so it drives any deployment's sensors across their real thresholds.
 *
 * @param direction {@code ABOVE} (alarm at high values) or {@code BELOW}
 */
public record Threshold(String quantity, String unit, String direction, double raiseAt, double clearAt, int debounce,
                        int minDurationSeconds) {

    private boolean above() {
        return "ABOVE".equals(direction);
    }

    private double gap() {
        double gap = Math.abs(raiseAt - clearAt);
        return gap > 0 ? gap : Math.max(Math.abs(raiseAt) * 0.1, 1);
    }

    /** A value on the normal side of {@code clearAt}; never below 0 where the threshold is not. */
    public double normalValue(RandomGenerator random) {
        double v = above() ? clearAt - random.nextDouble() * gap() : clearAt + random.nextDouble() * gap();
        return clamp(v, clearAt);
    }

    /**
     * A value on the alarm side of {@code raiseAt}, by at most a quarter of the hysteresis: /config does not
     * publish the physical range, and a raise threshold often sits near its end (a bin alarms at 90 of 100 %).
     */
    public double alarmValue(RandomGenerator random) {
        double excursion = random.nextDouble() * gap() / 4;
        return clamp(above() ? raiseAt + excursion : raiseAt - excursion, raiseAt);
    }

    /** Physical quantities here are not negative, unless the rule itself is; two decimals like a device. */
    private static double clamp(double v, double reference) {
        double bounded = reference >= 0 ? Math.max(0, v) : v;
        return Math.round(bounded * 100) / 100.0;
    }
}
