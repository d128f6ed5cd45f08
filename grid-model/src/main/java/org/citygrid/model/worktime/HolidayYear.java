package org.citygrid.model.worktime;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The public holidays and make-up working days of one calendar year, as one State Council notice
 * (国务院办公厅关于某年部分节假日安排的通知) arranges them. Immutable.
 *
 * <p>A year is consistent or it is not built: every date lies inside the year, every make-up
 * working day is a Saturday or Sunday, and no date appears twice (neither off in two breaks, nor
 * both off and worked).
 */
public final class HolidayYear {

    private final Year year;
    private final String source;
    private final List<Holiday> holidays;
    private final Map<LocalDate, Holiday> dayOff;
    private final Map<LocalDate, Holiday> makeUpWorkday;

    private HolidayYear(Year year, String source, List<Holiday> holidays) {
        this.year = year;
        this.source = source;
        this.holidays = List.copyOf(holidays);
        Map<LocalDate, Holiday> off = new HashMap<>();
        Map<LocalDate, Holiday> on = new HashMap<>();
        for (Holiday h : this.holidays) {
            h.daysOff().forEach(d -> off.put(d, h));
            h.makeUpWorkdays().forEach(d -> on.put(d, h));
        }
        this.dayOff = Map.copyOf(off);
        this.makeUpWorkday = Map.copyOf(on);
    }

    /**
     * A checked holiday year.
     *
     * @param year     the calendar year
     * @param source   where the dates come from (the notice), for people reading the data; may be blank
     * @param holidays the breaks of the year
     * @throws HolidayDataException listing every inconsistency found
     */
    public static HolidayYear of(Year year, String source, List<Holiday> holidays) {
        Objects.requireNonNull(year, "year");
        List<String> problems = problems(year, holidays);
        if (!problems.isEmpty()) {
            throw new HolidayDataException("year " + year, problems);
        }
        return new HolidayYear(year, source == null ? "" : source, holidays);
    }

    /** The inconsistencies of {@code holidays} within {@code year}; empty when there are none. */
    static List<String> problems(Year year, List<Holiday> holidays) {
        List<String> problems = new ArrayList<>();
        if (holidays.isEmpty()) {
            problems.add("no holidays: a year of Chinese public holidays always has some");
        }
        Map<LocalDate, String> seen = new HashMap<>();
        for (Holiday h : holidays) {
            for (LocalDate d : h.daysOff()) {
                checkInYear(year, h, d, "day off", problems);
                String earlier = seen.putIfAbsent(d, "a day off of " + h.name());
                if (earlier != null) {
                    problems.add(d + " is a day off of " + h.name() + " and already " + earlier);
                }
            }
            for (LocalDate d : h.makeUpWorkdays()) {
                checkInYear(year, h, d, "make-up working day", problems);
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    problems.add(d + " is a make-up working day of " + h.name() + " but a "
                            + d.getDayOfWeek() + ", already a working day; make-up days are Saturdays or Sundays");
                }
                String earlier = seen.putIfAbsent(d, "a make-up working day of " + h.name());
                if (earlier != null) {
                    problems.add(d + " is a make-up working day of " + h.name() + " and already " + earlier);
                }
            }
        }
        return problems;
    }

    private static void checkInYear(Year year, Holiday h, LocalDate d, String what, List<String> problems) {
        if (d.getYear() != year.getValue()) {
            problems.add(d + " is a " + what + " of " + h.name() + " but outside " + year);
        }
    }

    /** The calendar year. */
    public Year year() {
        return year;
    }

    /** Where the dates come from; blank when not given. */
    public String source() {
        return source;
    }

    /** The breaks of the year, in the order of the data. */
    public List<Holiday> holidays() {
        return holidays;
    }

    /** The holiday break {@code date} is a day off of, if any. */
    public Optional<Holiday> dayOff(LocalDate date) {
        return Optional.ofNullable(dayOff.get(date));
    }

    /** The holiday break {@code date} is worked for, if it is a make-up working day. */
    public Optional<Holiday> makeUpWorkday(LocalDate date) {
        return Optional.ofNullable(makeUpWorkday.get(date));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HolidayYear other
                && year.equals(other.year) && source.equals(other.source) && holidays.equals(other.holidays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(year, source, holidays);
    }

    @Override
    public String toString() {
        return "HolidayYear[" + year + ", " + holidays.size() + " holidays]";
    }
}
