package org.citygrid.api.indicators;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.citygrid.model.indicator.Counter;

/** The JSON answers of the indicators endpoints (the map console's contract: add fields, never rename). */
final class IndicatorViews {

    private IndicatorViews() {
    }

    /**
     * Figures of every code over a range of days.
     *
     * @param level the area level; absent for other dimensions
     * @param rows  one per code that counted anything in the range, by code
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Table(String dimension,
                 @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "the area level; absent for other dimensions")
                 String level,
                 LocalDate from, LocalDate to, List<Row> rows) {
    }

    /**
     * @param counts     the summed counters, non-zero only (grid-model's {@link Counter} names)
     * @param indicators computed from them
     */
    record Row(String code, Map<Counter, Long> counts, IndicatorFigures indicators) {
    }

    /** One code's counts per day, every day of the range in order. */
    record Series(String code, List<Day> days) {
    }

    /** @param counts empty on a day that counted nothing */
    record Day(LocalDate day, Map<Counter, Long> counts) {
    }
}
