package org.citygrid.api.indicators;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.OptionalDouble;
import org.citygrid.model.indicator.Indicators;

/**
 * The indicators of one tally as JSON: grid-model's {@link Indicators}, with a rate whose
 * denominator is zero as {@code null} (written, not left out: the console shows "no data" for it,
 * which is not 0 %). Rates are fractions between 0 and 1, not rounded.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record IndicatorFigures(long reports, long validReports, long filed, long closed, long overdueCount,
                        @Schema(nullable = true, requiredMode = REQUIRED, description = RATE) Double validReportRate,
                        @Schema(nullable = true, requiredMode = REQUIRED, description = RATE) Double onTimeVerificationRate,
                        @Schema(nullable = true, requiredMode = REQUIRED, description = RATE) Double onTimeDispatchRate,
                        @Schema(nullable = true, requiredMode = REQUIRED, description = RATE) Double closureRate,
                        @Schema(nullable = true, requiredMode = REQUIRED, description = RATE) Double onTimeClosureRate,
                        @Schema(nullable = true, requiredMode = REQUIRED, description = RATE) Double onTimeHandlingRate,
                        @Schema(nullable = true, requiredMode = REQUIRED, description = RATE) Double onTimeCheckRate,
                        @Schema(nullable = true, requiredMode = REQUIRED, description = RATE) Double reworkRate,
                        @Schema(nullable = true, requiredMode = REQUIRED, description = RATE) Double returnRate,
                        @Schema(nullable = true, requiredMode = REQUIRED, description = AVERAGE) Double averageHandlingHours,
                        @Schema(nullable = true, requiredMode = REQUIRED, description = RATE) Double satisfactionRate,
                        @Schema(nullable = true, requiredMode = REQUIRED, description = AVERAGE) Double averageScore) {

    // always written, null when there is nothing to measure: the OpenAPI document must say so, or
    // generated clients fail on the null (they would read a non-nullable number)
    static final String RATE = "a fraction, 0 to 1 (a short range's closure rate may exceed 1); "
            + "null when its denominator is 0: nothing to measure, not 0 %";
    static final String AVERAGE = "null when nothing was measured";

    static IndicatorFigures of(Indicators i) {
        return new IndicatorFigures(i.reports(), i.validReports(), i.filed(), i.closed(), i.overdueCount(),
                orNull(i.validReportRate()), orNull(i.onTimeFilingRate()), orNull(i.onTimeDispatchRate()),
                orNull(i.closureRate()), orNull(i.onTimeClosureRate()), orNull(i.onTimeHandlingRate()),
                orNull(i.onTimeCheckRate()), orNull(i.reworkRate()), orNull(i.returnRate()),
                orNull(i.averageHandlingHours()), orNull(i.satisfactionRate()), orNull(i.averageScore()));
    }

    private static Double orNull(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
