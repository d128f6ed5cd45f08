package org.citygrid.model.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.citygrid.model.indicator.AreaLevel;

/**
 * The weights of each object kind's indicators, the bands of the count indicators and the grade
 * bands: what a city sets and publishes. Loaded from a file ({@link #load(Path)}; the format is in
 * docs/evaluation.md); {@link #loadDefault()} gives the shipped one, whose values are cited there.
 * Loading checks it all: each kind's weights name indicators of the kind and add up to 100, every
 * count indicator that is banded has bands, grades go down to 0.
 *
 * @param regionLevel the area level regions are evaluated at
 * @param grades      highest first; the last starts at 0
 * @param weights     per kind, each indicator's weight in percent
 * @param bands       per count indicator scored by bands, highest first
 */
public record EvaluationConfig(AreaLevel regionLevel, List<GradeBand> grades, Map<ObjectKind, Map<EvaluationIndicator, Integer>> weights,
                               Map<EvaluationIndicator, List<CountBand>> bands) {

    public static final String DEFAULT_RESOURCE = "/evaluation/evaluation.json";

    public EvaluationConfig {
        Objects.requireNonNull(regionLevel, "regionLevel");
        grades = List.copyOf(grades);
        Map<ObjectKind, Map<EvaluationIndicator, Integer>> w = new EnumMap<>(ObjectKind.class);
        weights.forEach((k, v) -> w.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        weights = java.util.Collections.unmodifiableMap(w);
        Map<EvaluationIndicator, List<CountBand>> b = new EnumMap<>(EvaluationIndicator.class);
        bands.forEach((k, v) -> b.put(k, List.copyOf(v)));
        bands = java.util.Collections.unmodifiableMap(b);
        List<String> problems = problems(grades, weights, bands);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("evaluation configuration has " + problems.size() + " problems:\n  "
                    + String.join("\n  ", problems));
        }
    }

    private static List<String> problems(List<GradeBand> grades, Map<ObjectKind, Map<EvaluationIndicator, Integer>> weights,
                                         Map<EvaluationIndicator, List<CountBand>> bands) {
        List<String> problems = new ArrayList<>();
        for (ObjectKind kind : ObjectKind.values()) {
            Map<EvaluationIndicator, Integer> w = weights.get(kind);
            if (w == null || w.isEmpty()) {
                problems.add("weights." + kind + " is missing");
                continue;
            }
            w.forEach((indicator, weight) -> {
                if (indicator.kind() != kind) {
                    problems.add("weights." + kind + " names " + indicator + ", an indicator of " + indicator.kind());
                }
                if (weight <= 0) {
                    problems.add("weights." + kind + "." + indicator + " must be positive, was " + weight);
                }
                if (indicator.scoring() == Scoring.BANDS && !bands.containsKey(indicator)) {
                    problems.add("bands." + indicator + " is missing: " + indicator + " is scored by bands");
                }
            });
            int sum = w.values().stream().mapToInt(Integer::intValue).sum();
            if (sum != 100) {
                problems.add("weights." + kind + " add up to " + sum + ", not 100");
            }
        }
        bands.forEach((indicator, list) -> {
            if (list.isEmpty() || list.get(list.size() - 1).atLeast() != 0) {
                problems.add("bands." + indicator + " must end with a band at least 0");
            }
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i).atLeast() >= list.get(i - 1).atLeast()) {
                    problems.add("bands." + indicator + " must go from the highest count down");
                }
            }
        });
        if (grades.isEmpty() || grades.get(grades.size() - 1).from().signum() != 0) {
            problems.add("grades must end with a grade from 0");
        }
        for (int i = 1; i < grades.size(); i++) {
            if (grades.get(i).from().compareTo(grades.get(i - 1).from()) >= 0) {
                problems.add("grades must go from the highest down");
            }
        }
        return problems;
    }

    /** The shipped configuration ({@value #DEFAULT_RESOURCE}). */
    public static EvaluationConfig loadDefault() {
        try (InputStream in = EvaluationConfig.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + DEFAULT_RESOURCE + " is missing");
            }
            return EvaluationConfigJson.read(in, "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws IllegalArgumentException listing every problem of the file
     */
    public static EvaluationConfig load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return EvaluationConfigJson.read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The grade a composite value reaches. */
    public GradeBand grade(BigDecimal composite) {
        return grades.stream().filter(g -> composite.compareTo(g.from()) >= 0).findFirst()
                .orElse(grades.get(grades.size() - 1));
    }

    /** The score a count reaches in an indicator's bands. */
    public Optional<BigDecimal> bandScore(EvaluationIndicator indicator, long count) {
        return Optional.ofNullable(bands.get(indicator))
                .flatMap(list -> list.stream().filter(b -> count >= b.atLeast()).findFirst().map(CountBand::score));
    }

    /** The indicators of a kind with their weights, in the file's order. */
    public Map<EvaluationIndicator, Integer> weightsOf(ObjectKind kind) {
        return weights.get(kind);
    }
}
