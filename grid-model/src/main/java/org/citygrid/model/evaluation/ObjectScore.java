package org.citygrid.model.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.citygrid.model.indicator.IndicatorTally;

/**
 * The evaluation of one object: its indicators with their inputs, the weighted composite
 * (综合指标值) and its grade (评价等级).
 *
 * @param kind       region, department or a post
 * @param code       the area code, department code or person's user id
 * @param tally      the object's counters for the period, the inputs of its indicators
 * @param indicators in the configuration's order
 * @param composite  Σ score × weight / Σ weight over the applicable indicators, two decimals;
 *                   {@code null} when none applies
 * @param grade      the grade of the composite; {@code null} with it
 */
public record ObjectScore(ObjectKind kind, String code, IndicatorTally tally, List<IndicatorScore> indicators,
                          BigDecimal composite, GradeBand grade) {

    public ObjectScore {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(tally, "tally");
        indicators = List.copyOf(indicators);
    }

    public Optional<IndicatorScore> indicator(EvaluationIndicator which) {
        return indicators.stream().filter(i -> i.indicator() == which).findFirst();
    }
}
