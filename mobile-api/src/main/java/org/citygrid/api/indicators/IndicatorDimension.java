package org.citygrid.api.indicators;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The dimensions of grid.indicators that operators may read. The projection also keeps a
 * {@code person} dimension (each worker's own evaluation); it is personal data and is not offered
 * here.
 */
public enum IndicatorDimension {
    AREA, DEPARTMENT, CATEGORY;

    /** The value of grid.indicators' {@code dimension} column and of the query parameter. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<IndicatorDimension> parse(String value) {
        return Arrays.stream(values()).filter(d -> d.column().equals(value)).findFirst();
    }
}
