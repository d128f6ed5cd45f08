package org.citygrid.api.console;

import org.citygrid.api.accounts.Authorities;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.citygrid.api.errors.Invalid;
import org.citygrid.api.map.Bbox;

/**
 * GeoJSON layers for the operators' console map. Small and console-shaped on purpose: GIS tools get
 * OGC API Features and vector tiles instead.
 */
@Controller("/api/v1/operator/map")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Authorities.CENTRE)
@Tag(name = "console")
class MapController {

    // clients that ask for plain JSON (a browser's fetch, most HTTP libraries) get the same answer
    static final String GEOJSON = "application/geo+json";

    private static final Set<String> STATES = Set.of("REPORTED", "FILED", "DISPATCHED", "IN_PROGRESS", "SUSPENDED",
            "HANDLED", "CHECK_PASSED", "CLOSED", "DISMISSED", "VOIDED");
    private static final Pattern CATEGORY = Pattern.compile("[A-Z][0-9]{2,8}");
    // department codes as cases carry them: DRAINAGE, WATER_SUPPLY, ... and the offices of territorial
    // departments with their street's or community's code, STREET_OFFICE:110106001 (grid-model's CatalogueCaseRules)
    private static final Pattern DEPARTMENT = Pattern.compile("[A-Z][A-Z0-9_]{0,63}(:[0-9]{9}|:[0-9]{12})?");
    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    // "reported between two dates" means calendar days in Beijing, as the indicators count them
    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private final MapLayers layers;

    MapController(MapLayers layers) {
        this.layers = layers;
    }

    @Operation(summary = "Unit grids with their open and late case counts (GeoJSON)", security = @SecurityRequirement(name = "bearer"))
    @Get(value = "/grids", produces = {GEOJSON, MediaType.APPLICATION_JSON})
    HttpResponse<String> grids(@QueryValue @Nullable String bbox) {
        return geoJson(layers.grids(Bbox.ofField(bbox)));
    }

    @Operation(summary = "Open and late case counts of the grids with open cases, without geometry: {\"<grid code>\": [open, late]}",
            security = @SecurityRequirement(name = "bearer"))
    @Get(value = "/grid-counts", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> gridCounts() {
        return HttpResponse.ok(layers.gridCounts()).contentType(MediaType.APPLICATION_JSON);
    }

    @Operation(summary = "Street or community outlines, the union of their unit grids (GeoJSON); level STREET or COMMUNITY",
            security = @SecurityRequirement(name = "bearer"))
    @Get(value = "/areas", produces = {GEOJSON, MediaType.APPLICATION_JSON})
    HttpResponse<String> areas(@QueryValue @Nullable String level, @QueryValue @Nullable String bbox) {
        MapLayers.AreaLevel areaLevel;
        try {
            areaLevel = MapLayers.AreaLevel.valueOf(level == null ? "STREET" : level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Invalid.field("level", "STREET or COMMUNITY");
        }
        return geoJson(layers.areas(areaLevel, Bbox.ofField(bbox)));
    }

    @Operation(summary = "Sensors with their last alarm edge (RAISED or CLEARED) and the case of their latest alarm (GeoJSON)",
            security = @SecurityRequirement(name = "bearer"))
    @Get(value = "/sensors", produces = {GEOJSON, MediaType.APPLICATION_JSON})
    HttpResponse<String> sensors(@QueryValue @Nullable String bbox) {
        return geoJson(layers.sensors(Bbox.ofField(bbox)));
    }

    @Operation(summary = "Case points (GeoJSON), newest first, at most 10000: open cases, or those in the listed states; "
            + "filters state, category and department take comma-separated lists; from and to (YYYY-MM-DD, Beijing days, "
            + "both included) bound the day the case was reported", security = @SecurityRequirement(name = "bearer"))
    @Get(value = "/cases", produces = {GEOJSON, MediaType.APPLICATION_JSON})
    HttpResponse<String> cases(@QueryValue @Nullable String bbox, @QueryValue @Nullable String state,
                               @QueryValue @Nullable String category, @QueryValue @Nullable String department,
                               @QueryValue @Nullable String from, @QueryValue @Nullable String to) {
        List<String> states = list(state);
        states.stream().filter(s -> !STATES.contains(s)).findFirst().ifPresent(s -> {
            throw Invalid.field("state", "not a case state: " + s);
        });
        List<String> categories = list(category);
        categories.stream().filter(c -> !CATEGORY.matcher(c).matches()).findFirst().ifPresent(c -> {
            throw Invalid.field("category", "not a category code: " + c);
        });
        List<String> departments = list(department);
        departments.stream().filter(d -> !DEPARTMENT.matcher(d).matches()).findFirst().ifPresent(d -> {
            throw Invalid.field("department", "not a department code: " + d);
        });
        LocalDate fromDay = day("from", from);
        LocalDate toDay = day("to", to);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            throw Invalid.field("to", "before from (" + fromDay + ")");
        }
        MapLayers.CaseFilter filter = new MapLayers.CaseFilter(states, categories, departments,
                fromDay == null ? null : fromDay.atStartOfDay(CITY_ZONE).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(CITY_ZONE).toInstant());
        return geoJson(layers.cases(Bbox.ofField(bbox), filter));
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (DAY.matcher(value.strip()).matches()) {
                return LocalDate.parse(value.strip());
            }
        } catch (DateTimeException e) {
            // falls through to the problem below: 2026-02-30 is as bad as "yesterday"
        }
        throw Invalid.field(field, "not a day YYYY-MM-DD: " + value);
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).distinct().toList();
    }

    private static HttpResponse<String> geoJson(String body) {
        return HttpResponse.ok(body).contentType(GEOJSON);
    }
}
