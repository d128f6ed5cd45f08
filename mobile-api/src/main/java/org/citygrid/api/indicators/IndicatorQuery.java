package org.citygrid.api.indicators;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.citygrid.api.errors.DomainError.FieldError;
import org.citygrid.api.errors.Malformed;
import org.citygrid.model.indicator.AreaLevel;

/**
 * A checked indicators query: which tallies (dimension, and for areas the level) over which
 * Asia/Shanghai days, both ends included. Built only through {@link #parse}, which answers every
 * bad parameter at once with a 400 problem naming each.
 *
 * @param dimension what the figures are about
 * @param level     the grid.indicators {@code level} column: an {@link AreaLevel} name for areas, {@code ""} otherwise
 * @param from      first day, included
 * @param to        last day, included
 * @param code      the one code of a daily series; null for the table of every code
 */
public record IndicatorQuery(IndicatorDimension dimension, String level, LocalDate from, LocalDate to, String code) {

    /** The indicator days are calendar days in China (docs/indicators.md), whatever the server's zone. */
    static final ZoneId DAYS_ZONE = ZoneId.of("Asia/Shanghai");
    /** Without {@code from}: the 30 days ending with {@code to}; {@code to} is today by default. */
    static final int DEFAULT_DAYS = 30;
    /** A leap year and no more: bounds the rows one request sums (and the daily series' length). */
    static final int MAX_DAYS = 366;

    /** Codes of areas, departments and categories: letters, digits and a few separators. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** The query of the table of every code. */
    static IndicatorQuery parse(String dimension, String level, String from, String to, Clock clock) {
        return parse(dimension, level, from, to, null, false, clock);
    }

    /** The query of one code's daily series. */
    static IndicatorQuery parseDaily(String dimension, String level, String code, String from, String to, Clock clock) {
        return parse(dimension, level, from, to, code, true, clock);
    }

    private static IndicatorQuery parse(String dimension, String level, String from, String to, String code,
                                        boolean daily, Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        IndicatorDimension dim = IndicatorDimension.parse(dimension).orElse(null);
        if (dim == null) {
            errors.add(new FieldError("dimension", "one of area, department, category"));
        }
        String levelColumn = "";
        if (dim == IndicatorDimension.AREA) {
            if (level == null) {
                errors.add(new FieldError("level", "required for dimension area: one of " + levels()));
            } else if (Arrays.stream(AreaLevel.values()).noneMatch(l -> l.name().equals(level))) {
                errors.add(new FieldError("level", "one of " + levels()));
            } else {
                levelColumn = level;
            }
        } else if (dim != null && level != null) {
            errors.add(new FieldError("level", "only for dimension area"));
        }
        if (daily && (code == null || !CODE.matcher(code).matches())) {
            errors.add(new FieldError("code", "required: 1 to 64 letters, digits, '.', '_', ':' or '-'"));
        }
        LocalDate fromDay = day("from", from, errors);
        LocalDate toDay = day("to", to, errors);
        if (errors.isEmpty()) {
            if (toDay == null) {
                toDay = LocalDate.now(clock.withZone(DAYS_ZONE));
            }
            if (fromDay == null) {
                fromDay = toDay.minusDays(DEFAULT_DAYS - 1);
            }
            if (fromDay.isAfter(toDay)) {
                errors.add(new FieldError("from", "after to"));
            } else if (ChronoUnit.DAYS.between(fromDay, toDay) + 1 > MAX_DAYS) {
                errors.add(new FieldError("to", "at most " + MAX_DAYS + " days from " + fromDay));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new IndicatorQuery(dim, levelColumn, fromDay, toDay, daily ? code : null);
    }

    /** Every day of the range, in order. */
    List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    private static LocalDate day(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "a day as YYYY-MM-DD"));
            return null;
        }
    }

    private static String levels() {
        return String.join(", ", Arrays.stream(AreaLevel.values()).map(Enum::name).toList());
    }

    private static Malformed invalid(List<FieldError> errors) {
        String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
        return new Malformed("invalid-query", "Invalid query parameter",
                detail, errors);
    }
}
