package org.citygrid.model.worktime;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Working time as Chinese government offices keep it: working periods on working days, in one time
 * zone. Immutable and thread-safe.
 *
 * <p>A date is a working day when it is Monday to Friday and not a public holiday, or when it is a
 * Saturday or Sunday declared a make-up working day (调休上班). Holidays and make-up days come from
 * {@link HolidayYear}s, one per calendar year ({@link HolidayDataFiles}). On a working day, the
 * working periods (by default 09:00–12:00 and 13:30–17:30 Asia/Shanghai, 7 hours) are counted;
 * everything else is not.
 *
 * <p><b>Years without holiday data.</b> The calendar does not guess holidays it has not been
 * given: for a year it does not {@link #covers(Year) cover}, only weekends are days off. Deadlines
 * in such a year then come out too early across a holiday, and too late across a make-up working
 * day it does not know of. Callers that must
 * know ask {@link #covers(Year)} or {@link #coveredYears()}; operators add a year with
 * {@link #withHolidays(Collection)} as soon as the State Council publishes it.
 *
 * <p><b>Arithmetic.</b> {@link #deadline} and {@link #elapsed} are exact to the nanosecond and cost
 * a constant amount of work per calendar day spanned, however long the budget. Both use the
 * half-open periods {@code [start, end)}: a budget that runs out exactly at 12:00 has its deadline
 * at 12:00, not at 13:30. Instants are mapped to local times with the zone's rules, so a zone with
 * daylight saving counts the real length of a period on the day the clocks change.
 */
public final class WorkingCalendar implements SlaClock {

    /** China Standard Time, the zone of every State Council holiday notice. */
    public static final ZoneId CHINA_STANDARD_TIME = ZoneId.of("Asia/Shanghai");

    /** 09:00–12:00 and 13:30–17:30: the usual office hours, with the lunch break. */
    public static final List<WorkingPeriod> DEFAULT_PERIODS = List.of(
            new WorkingPeriod(LocalTime.of(9, 0), LocalTime.of(12, 0)),
            new WorkingPeriod(LocalTime.of(13, 30), LocalTime.of(17, 30)));

    /** How far {@link #nextWorkingInstant} looks before deciding the calendar has no working time. */
    private static final int MAX_DAYS_WITHOUT_WORK = 366;

    private final ZoneId zone;
    private final List<WorkingPeriod> periods;
    private final TreeMap<Year, HolidayYear> holidayYears;

    private WorkingCalendar(ZoneId zone, List<WorkingPeriod> periods, TreeMap<Year, HolidayYear> holidayYears) {
        this.zone = zone;
        this.periods = periods;
        this.holidayYears = holidayYears;
    }

    /**
     * Asia/Shanghai, {@link #DEFAULT_PERIODS}, and the Chinese holidays shipped with CityGrid
     * ({@link HolidayDataFiles#bundledChina()}).
     */
    public static WorkingCalendar chinaDefault() {
        return builder().holidays(HolidayDataFiles.bundledChina()).build();
    }

    /** A builder starting from Asia/Shanghai, {@link #DEFAULT_PERIODS} and no holiday data. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This calendar with {@code years} added; a year already covered is replaced by the new data,
     * so that an operator can correct a shipped year.
     */
    public WorkingCalendar withHolidays(Collection<HolidayYear> years) {
        TreeMap<Year, HolidayYear> merged = new TreeMap<>(holidayYears);
        years.forEach(y -> merged.put(y.year(), y));
        return new WorkingCalendar(zone, periods, merged);
    }

    /** The zone in which working periods and dates are read. */
    public ZoneId zone() {
        return zone;
    }

    /** The working periods of each working day, in order. */
    public List<WorkingPeriod> periods() {
        return periods;
    }

    /**
     * The working time of one full working day: the sum of the periods (7 hours by default). A
     * limit of N working days (工作日) is N times this, counted on the calendar.
     */
    public Duration workingDay() {
        Duration total = Duration.ZERO;
        for (WorkingPeriod p : periods) {
            total = total.plus(Duration.between(p.start(), p.end()));
        }
        return total;
    }

    /** Whether holiday data for {@code year} is known; without it only weekends are off. */
    public boolean covers(Year year) {
        return holidayYears.containsKey(year);
    }

    /** The years with holiday data, ascending. */
    public SortedSet<Year> coveredYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(holidayYears.keySet()));
    }

    /** How this calendar treats {@code date}. */
    public DayType dayType(LocalDate date) {
        HolidayYear year = holidayYears.get(Year.from(date));
        if (year != null) {
            if (year.dayOff(date).isPresent()) {
                return DayType.HOLIDAY;
            }
            if (year.makeUpWorkday(date).isPresent()) {
                return DayType.MAKE_UP_WORKDAY;
            }
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? DayType.WEEKEND : DayType.WORKDAY;
    }

    /** Whether the working periods apply on {@code date}. */
    public boolean isWorkingDay(LocalDate date) {
        return dayType(date).isWorking();
    }

    /** The holiday {@code date} is a day off of, or is worked for as a make-up day, if any. */
    public Optional<Holiday> holidayOn(LocalDate date) {
        HolidayYear year = holidayYears.get(Year.from(date));
        return year == null ? Optional.empty() : year.dayOff(date).or(() -> year.makeUpWorkday(date));
    }

    /** Whether {@code instant} is inside a working period of a working day. */
    public boolean isWorkingTime(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        if (!isWorkingDay(date)) {
            return false;
        }
        for (WorkingPeriod p : periods) {
            if (!instant.isBefore(start(date, p)) && instant.isBefore(end(date, p))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code instant} itself when it is working time, otherwise the start of the next working period.
     *
     * @throws IllegalStateException if there is no working time within a year after {@code instant}
     */
    public Instant nextWorkingInstant(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        for (int day = 0; day <= MAX_DAYS_WITHOUT_WORK; day++, date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (WorkingPeriod p : periods) {
                Instant end = end(date, p);
                if (instant.isBefore(end)) {
                    Instant start = start(date, p);
                    return instant.isAfter(start) ? instant : start;
                }
            }
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS_WITHOUT_WORK + " days after " + instant);
    }

    /**
     * The earliest instant {@code t} not before {@code start} with {@code elapsed(start, t)} equal to
     * {@code budget}. A zero budget gives {@code start} itself; a positive budget started outside
     * working time starts counting at {@link #nextWorkingInstant}.
     *
     * @throws IllegalArgumentException if {@code budget} is negative
     */
    @Override
    public Instant deadline(Instant start, Duration budget) {
        Objects.requireNonNull(start, "start");
        requireNotNegative(budget);
        if (budget.isZero()) {
            return start;
        }
        Duration remaining = budget;
        LocalDate date = start.atZone(zone).toLocalDate();
        for (int idle = 0; ; date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                if (++idle > MAX_DAYS_WITHOUT_WORK) {
                    throw new IllegalStateException("no working time within " + MAX_DAYS_WITHOUT_WORK
                            + " days after " + date.minusDays(idle));
                }
                continue;
            }
            idle = 0;
            Instant from = start;
            if (!start(date, periods.get(0)).isBefore(start)) {
                // the whole day is ahead of start: skip it in one step when the budget outlasts it
                Duration wholeDay = workingTimeOn(date);
                if (remaining.compareTo(wholeDay) > 0) {
                    remaining = remaining.minus(wholeDay);
                    continue;
                }
            }
            for (WorkingPeriod p : periods) {
                Instant periodEnd = end(date, p);
                if (!periodEnd.isAfter(from)) {
                    continue;
                }
                Instant periodStart = max(start(date, p), from);
                Duration available = Duration.between(periodStart, periodEnd);
                if (remaining.compareTo(available) <= 0) {
                    return periodStart.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
    }

    /**
     * The working time in {@code [from, to)}; zero when {@code to} is not after {@code from}.
     */
    @Override
    public Duration elapsed(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (WorkingPeriod p : periods) {
                Instant start = max(start(date, p), from);
                Instant end = min(end(date, p), to);
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** The working time of {@code date}: zero on a day off, the sum of the periods otherwise. */
    public Duration workingTimeOn(LocalDate date) {
        if (!isWorkingDay(date)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        for (WorkingPeriod p : periods) {
            Instant start = start(date, p);
            Instant end = end(date, p);
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    private Instant start(LocalDate date, WorkingPeriod p) {
        return ZonedDateTime.of(date, p.start(), zone).toInstant();
    }

    private Instant end(LocalDate date, WorkingPeriod p) {
        return ZonedDateTime.of(date, p.end(), zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static void requireNotNegative(Duration budget) {
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative()) {
            throw new IllegalArgumentException("a time budget cannot be negative: " + budget);
        }
    }

    @Override
    public String toString() {
        return "WorkingCalendar[" + zone + ", " + periods + ", holidays " + holidayYears.keySet() + "]";
    }

    /** Builds a {@link WorkingCalendar}; not thread-safe. */
    public static final class Builder {

        private ZoneId zone = CHINA_STANDARD_TIME;
        private List<WorkingPeriod> periods = DEFAULT_PERIODS;
        private final List<HolidayYear> holidays = new ArrayList<>();

        private Builder() {
        }

        /** The zone working periods are read in; Asia/Shanghai unless set. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The working periods of a working day, in any order; {@link #DEFAULT_PERIODS} unless set.
         *
         * @throws IllegalArgumentException if there are none, or two overlap
         */
        public Builder periods(List<WorkingPeriod> periods) {
            List<WorkingPeriod> sorted = periods.stream()
                    .sorted((a, b) -> a.start().compareTo(b.start())).toList();
            if (sorted.isEmpty()) {
                throw new IllegalArgumentException("a working day needs at least one working period");
            }
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                    throw new IllegalArgumentException(
                            "working periods overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
                }
            }
            this.periods = sorted;
            return this;
        }

        /** Same as {@link #periods(List)}. */
        public Builder periods(WorkingPeriod... periods) {
            return periods(List.of(periods));
        }

        /** Adds holiday years; of two for the same year, the later replaces the earlier. */
        public Builder holidays(Collection<HolidayYear> years) {
            holidays.addAll(years);
            return this;
        }

        public WorkingCalendar build() {
            TreeMap<Year, HolidayYear> byYear = new TreeMap<>();
            holidays.forEach(y -> byYear.put(y.year(), y));
            return new WorkingCalendar(zone, periods, byYear);
        }
    }
}
