package org.citygrid.model.evaluation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An evaluation of one period: every region, department and evaluated person, each with its
 * indicators' inputs, scores, composite and grade; what the API and the monthly workbook publish.
 *
 * @param period the month or quarter
 * @param scores by kind in the order of {@link ObjectKind}, then by code
 */
public record EvaluationResult(EvaluationPeriod period, List<ObjectScore> scores) {

    public EvaluationResult {
        Objects.requireNonNull(period, "period");
        scores = List.copyOf(scores);
    }

    /** The objects of one kind, by code. */
    public List<ObjectScore> of(ObjectKind kind) {
        return scores.stream().filter(s -> s.kind() == kind).toList();
    }

    public Optional<ObjectScore> score(ObjectKind kind, String code) {
        return scores.stream().filter(s -> s.kind() == kind && s.code().equals(code)).findFirst();
    }
}
