package org.citygrid.model.evaluation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A band of a count indicator's scoring: a count of at least {@code atLeast} scores {@code score}.
 */
public record CountBand(long atLeast, BigDecimal score) {

    public CountBand {
        Objects.requireNonNull(score, "score");
        if (atLeast < 0) {
            throw new IllegalArgumentException("a band starts at a count of 0 or more, not " + atLeast);
        }
    }
}
