package org.citygrid.api.indicators;

import org.citygrid.api.accounts.Authorities;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.citygrid.model.indicator.IndicatorTally;
import org.citygrid.model.indicator.Indicators;

/**
 * Evaluation indicators (综合评价) for operators, from cloud-backend's daily tallies: the figures of
 * every area, department or category over a range of days, and one code's counts day by day.
 */
@Controller("/api/v1/operator/indicators")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Authorities.CENTRE)
@Tag(name = "indicators")
class IndicatorsController {

    private final IndicatorTallies tallies;
    private final Clock clock;

    IndicatorsController(IndicatorTallies tallies, Clock clock) {
        this.tallies = tallies;
        this.clock = clock;
    }

    @Operation(summary = "Counts and indicators of every code of a dimension over Asia/Shanghai days (from, to "
            + "included; default the 30 days ending today; at most 366), by code. A rate with nothing to divide by is null.",
            security = @SecurityRequirement(name = "bearer"))
    @Get
    IndicatorViews.Table table(
            @Parameter(description = "area, department or category") @Nullable @QueryValue String dimension,
            @Parameter(description = "for area only, required there: COUNTY, STREET, COMMUNITY or GRID") @Nullable @QueryValue String level,
            @Parameter(description = "first day, YYYY-MM-DD") @Nullable @QueryValue String from,
            @Parameter(description = "last day, YYYY-MM-DD") @Nullable @QueryValue String to) {
        IndicatorQuery query = IndicatorQuery.parse(dimension, level, from, to, clock);
        List<IndicatorViews.Row> rows = tallies.byCode(query).entrySet().stream()
                .map(e -> new IndicatorViews.Row(e.getKey(), e.getValue().counts(),
                        IndicatorFigures.of(Indicators.of(e.getValue()))))
                .toList();
        return new IndicatorViews.Table(query.dimension().column(), query.level().isEmpty() ? null : query.level(),
                query.from(), query.to(), rows);
    }

    @Operation(summary = "One code's counts on each day of the range (days that counted nothing have empty counts)",
            security = @SecurityRequirement(name = "bearer"))
    @Get("/daily")
    IndicatorViews.Series daily(@Nullable @QueryValue String dimension, @Nullable @QueryValue String level,
                                @Nullable @QueryValue String code, @Nullable @QueryValue String from,
                                @Nullable @QueryValue String to) {
        IndicatorQuery query = IndicatorQuery.parseDaily(dimension, level, code, from, to, clock);
        Map<LocalDate, IndicatorTally> byDay = tallies.byDay(query);
        return new IndicatorViews.Series(query.code(), query.days().stream()
                .map(day -> new IndicatorViews.Day(day, byDay.getOrDefault(day, IndicatorTally.ZERO).counts()))
                .toList());
    }
}
