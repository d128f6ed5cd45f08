package org.citygrid.api.ogcapi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.citygrid.api.errors.Malformed;

/**
 * The {@code datetime} parameter as a half-open or closed range of instants: an RFC 3339 date-time
 * (that instant), a date (that whole UTC day), or an interval {@code start/end} where either end may be
 * {@code ..} or empty for "open". Both ends of an interval are inclusive, as in the standard.
 *
 * @param from        inclusive lower bound, or null
 * @param to          upper bound, or null
 * @param toExclusive whether {@code to} is excluded (a date's next midnight)
 */
public record TimeFilter(Instant from, Instant to, boolean toExclusive) {

    static TimeFilter parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            if (isOpen(text)) {
                throw invalid(text, "an instant cannot be open ('..')");
            }
            return single(text);
        }
        String start = text.substring(0, slash);
        String end = text.substring(slash + 1);
        if (end.contains("/")) {
            throw invalid(text, "an interval has one '/'");
        }
        if (isOpen(start) && isOpen(end)) {
            throw invalid(text, "at least one end of an interval must be given");
        }
        Instant from = isOpen(start) ? null : single(start).from;
        TimeFilter last = isOpen(end) ? null : single(end);
        Instant to = last == null ? null : last.to;
        if (from != null && to != null && from.isAfter(to)) {
            throw invalid(text, "the interval ends before it starts");
        }
        return new TimeFilter(from, to, last != null && last.toExclusive);
    }

    private static boolean isOpen(String end) {
        return end.isEmpty() || end.equals("..");
    }

    private static TimeFilter single(String text) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return new TimeFilter(day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), true);
            }
            Instant at = OffsetDateTime.parse(text).toInstant();
            return new TimeFilter(at, at, false);
        } catch (DateTimeParseException e) {
            throw invalid(text, "'" + text + "' is not an RFC 3339 date-time (2026-03-02T01:00:00Z) or date");
        }
    }

    private static Malformed invalid(String text, String why) {
        return Malformed.request("invalid-datetime", "datetime=" + text + ": " + why);
    }
}
