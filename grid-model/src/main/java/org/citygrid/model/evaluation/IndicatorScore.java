package org.citygrid.model.evaluation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One indicator of one object: its inputs, its value, its score and its weight.
 *
 * @param indicator   which
 * @param numerator   the count over the denominator; for a count indicator the count
 * @param denominator the denominator; 1 for a count indicator; 0 when nothing was there to measure
 * @param value       numerator / denominator (a rate, 0..1, or the count); {@code null} when not applicable
 * @param score       指标分值, 0..100, two decimals; {@code null} when not applicable
 * @param reference   for a count scored against the largest of its kind, that largest count; otherwise 0
 * @param weight      its weight in the composite, in percent
 */
public record IndicatorScore(EvaluationIndicator indicator, long numerator, long denominator, BigDecimal value,
                             BigDecimal score, long reference, int weight) {

    public IndicatorScore {
        Objects.requireNonNull(indicator, "indicator");
    }

    /** Whether the indicator had something to measure: a denominator, a largest count above 0. */
    public boolean applicable() {
        return score != null;
    }
}
