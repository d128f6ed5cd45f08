package org.citygrid.model.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.citygrid.model.cases.Role;
import org.citygrid.model.grid.GridCode;
import org.citygrid.model.indicator.AreaLevel;
import org.citygrid.model.indicator.IndicatorKey;
import org.citygrid.model.indicator.IndicatorTally;
import org.citygrid.model.patrol.PatrolArea;
import org.citygrid.model.patrol.PatrolAreas;

/**
 * Evaluates a period (docs/evaluation.md): from the period's tallies
 * ({@code IndicatorCalculator.period}, with the cases due at its end), every region at the
 * configured level, every department and every person of an evaluated post gets its indicators'
 * scores, a weighted composite and a grade.
 *
 * <p>A rate's score is its value × 100, or (1 − value) × 100 where less is better; a count's score
 * comes from the configuration's bands, or is the count over the largest of its kind × 100; each
 * score is rounded to two decimals (half up). An indicator with nothing to measure (a zero
 * denominator) is left out and its weight shared by the others: the composite is
 * Σ score × weight / Σ weight over the applicable ones, rounded to two decimals; an object with none
 * applicable gets no composite and no grade.
 */
public final class Evaluator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final EvaluationConfig config;

    public Evaluator(EvaluationConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * @param tallies the period's tallies by key
     * @param posts   who holds which post: the people evaluated as supervisors, acceptors, shift
     *                leaders and dispatchers (a person with a tally but no post is not evaluated)
     * @param areas   the patrol areas, for the supervisors' missed reports
     */
    public EvaluationResult evaluate(EvaluationPeriod period, Map<IndicatorKey, IndicatorTally> tallies,
                                     Map<String, Role> posts, PatrolAreas areas) {
        Map<ObjectKind, TreeMap<String, IndicatorTally>> objects = new EnumMap<>(ObjectKind.class);
        for (ObjectKind kind : ObjectKind.values()) {
            objects.put(kind, new TreeMap<>());
        }
        tallies.forEach((key, tally) -> {
            switch (key) {
                case IndicatorKey.Area a when a.level() == config.regionLevel() -> objects.get(ObjectKind.REGION).put(a.code(), tally);
                case IndicatorKey.Department d -> objects.get(ObjectKind.DEPARTMENT).put(d.code(), tally);
                default -> {
                }
            }
        });
        posts.forEach((person, post) -> {
            for (ObjectKind kind : ObjectKind.values()) {
                if (kind.post() != null && kind.post() == post) {
                    objects.get(kind).put(person, tallies.getOrDefault(new IndicatorKey.Person(person), IndicatorTally.ZERO));
                }
            }
        });
        List<ObjectScore> scores = new ArrayList<>();
        for (ObjectKind kind : ObjectKind.values()) {
            Map<EvaluationIndicator, Integer> weights = config.weightsOf(kind);
            Map<String, IndicatorTally> areaTallies = new TreeMap<>();
            if (kind == ObjectKind.SUPERVISOR) {
                objects.get(kind).keySet().forEach(p -> areaTallies.put(p, areaTally(p, areas, tallies)));
            }
            Map<EvaluationIndicator, Long> largest = largest(objects.get(kind), areaTallies, weights);
            objects.get(kind).forEach((code, tally) -> scores.add(score(kind, code, tally,
                    areaTallies.getOrDefault(code, IndicatorTally.ZERO), weights, largest)));
        }
        scores.sort(Comparator.comparing(ObjectScore::kind).thenComparing(ObjectScore::code));
        return new EvaluationResult(period, scores);
    }

    private ObjectScore score(ObjectKind kind, String code, IndicatorTally tally, IndicatorTally area,
                              Map<EvaluationIndicator, Integer> weights, Map<EvaluationIndicator, Long> largest) {
        List<IndicatorScore> indicators = new ArrayList<>();
        BigDecimal weighted = BigDecimal.ZERO;
        int weightSum = 0;
        for (Map.Entry<EvaluationIndicator, Integer> entry : weights.entrySet()) {
            EvaluationIndicator indicator = entry.getKey();
            EvaluationIndicator.Fraction f = indicator.measure(tally, area);
            long reference = indicator.scoring() == Scoring.RELATIVE ? largest.getOrDefault(indicator, 0L) : 0;
            BigDecimal value = null;
            BigDecimal score = null;
            if (f.denominator() > 0) {
                value = new BigDecimal(f.numerator()).divide(new BigDecimal(f.denominator()), MathContext.DECIMAL64);
                score = switch (indicator.scoring()) {
                    case RATE -> value.multiply(HUNDRED);
                    case INVERSE_RATE -> BigDecimal.ONE.subtract(value).multiply(HUNDRED);
                    case BANDS -> config.bandScore(indicator, f.numerator()).orElseThrow();
                    case RELATIVE -> reference == 0 ? null
                            : new BigDecimal(f.numerator()).multiply(HUNDRED).divide(new BigDecimal(reference), MathContext.DECIMAL64);
                };
            }
            if (score != null) {
                score = score.setScale(2, RoundingMode.HALF_UP);
                weighted = weighted.add(score.multiply(BigDecimal.valueOf(entry.getValue())));
                weightSum += entry.getValue();
            }
            indicators.add(new IndicatorScore(indicator, f.numerator(), f.denominator(), value, score, reference, entry.getValue()));
        }
        BigDecimal composite = weightSum == 0 ? null
                : weighted.divide(BigDecimal.valueOf(weightSum), 2, RoundingMode.HALF_UP);
        return new ObjectScore(kind, code, tally, indicators, composite, composite == null ? null : config.grade(composite));
    }

    /** The largest count of each relative count indicator among the objects of a kind. */
    private static Map<EvaluationIndicator, Long> largest(Map<String, IndicatorTally> objects, Map<String, IndicatorTally> areas,
                                                          Map<EvaluationIndicator, Integer> weights) {
        Map<EvaluationIndicator, Long> largest = new EnumMap<>(EvaluationIndicator.class);
        weights.keySet().stream().filter(i -> i.scoring() == Scoring.RELATIVE).forEach(i ->
                largest.put(i, objects.entrySet().stream()
                        .mapToLong(e -> i.measure(e.getValue(), areas.getOrDefault(e.getKey(), IndicatorTally.ZERO)).numerator())
                        .max().orElse(0)));
        return largest;
    }

    /** The sum of the tallies of the grids of a supervisor's patrol areas. */
    private static IndicatorTally areaTally(String supervisor, PatrolAreas areas, Map<IndicatorKey, IndicatorTally> tallies) {
        List<IndicatorTally> grids = new ArrayList<>();
        for (PatrolArea area : areas.areasOf(supervisor)) {
            for (GridCode grid : area.grids()) {
                IndicatorTally t = tallies.get(new IndicatorKey.Area(AreaLevel.GRID, grid.value()));
                if (t != null) {
                    grids.add(t);
                }
            }
        }
        return IndicatorTally.sum(grids);
    }
}
