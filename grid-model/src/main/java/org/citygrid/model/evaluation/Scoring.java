package org.citygrid.model.evaluation;

/** How an indicator's value becomes a score of 0 to 100 (指标分值). */
public enum Scoring {
    /** A rate where more is better: value × 100. */
    RATE,
    /** A rate where less is better (返工率, 漏报率, 监督举报率...): (1 − value) × 100. */
    INVERSE_RATE,
    /** A count scored by the configuration's bands: the score of the first band whose {@code atLeast} it reaches. */
    BANDS,
    /** A count scored against the largest of the objects of its kind in the period: count / largest × 100. */
    RELATIVE
}
