package org.citygrid.model.worktime;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A span of working time within a day, in local wall-clock time: {@code [start, end)}.
 *
 * <p>A period does not cross midnight; shifts that do are not working-day SLAs and belong on
 * {@link RoundTheClock}.
 *
 * @param start first working instant of the period
 * @param end   first instant after the period; after {@code start}
 */
public record WorkingPeriod(LocalTime start, LocalTime end) {

    /**
     * @throws IllegalArgumentException if {@code end} is not after {@code start}
     */
    public WorkingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException(
                    "a working period must end after it starts, and not cross midnight: " + start + "-" + end);
        }
    }

    /**
     * Parses {@code "HH:mm-HH:mm"}, e.g. {@code "13:30-17:30"}, the form used in configuration.
     *
     * @throws IllegalArgumentException if the text is not of that form or not a valid period
     */
    public static WorkingPeriod parse(String text) {
        String[] parts = text.strip().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a working period is written HH:mm-HH:mm, not '" + text + "'");
        }
        try {
            return new WorkingPeriod(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a working period is written HH:mm-HH:mm, not '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
