package org.citygrid.api.indicators;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.OptionalDouble;
import org.citygrid.model.indicator.Indicators;

/**
 * The indicators of one tally as JSON: grid-model's {@link Indicators}, with a rate whose
 * denominator is zero as {@code null} (written, not left out: the console shows "no data" for it,
 * which is not 0 %). Rates are fractions between 0 and 1, not rounded.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record IndicatorFigures(long reports, long validReports, long filed, long closed, long overdueCount,
                        Double validReportRate, Double onTimeVerificationRate, Double onTimeDispatchRate,
                        Double closureRate, Double onTimeClosureRate, Double onTimeHandlingRate,
                        Double onTimeCheckRate, Double reworkRate, Double returnRate,
                        Double averageHandlingHours, Double satisfactionRate, Double averageScore) {

    static IndicatorFigures of(Indicators i) {
        return new IndicatorFigures(i.reports(), i.validReports(), i.filed(), i.closed(), i.overdueCount(),
                orNull(i.validReportRate()), orNull(i.onTimeVerificationRate()), orNull(i.onTimeDispatchRate()),
                orNull(i.closureRate()), orNull(i.onTimeClosureRate()), orNull(i.onTimeHandlingRate()),
                orNull(i.onTimeCheckRate()), orNull(i.reworkRate()), orNull(i.returnRate()),
                orNull(i.averageHandlingHours()), orNull(i.satisfactionRate()), orNull(i.averageScore()));
    }

    private static Double orNull(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
