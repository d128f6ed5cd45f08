package org.citygrid.model.worktime

import static org.citygrid.model.testkit.BeijingTime.at

import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration
import java.time.Instant
import java.time.LocalDateTime
import java.time.Year

import static org.citygrid.model.worktime.WorkingCalendar.CHINA_STANDARD_TIME

class WorkingCalendarDeadlineSpec extends Specification {

    @Shared
    WorkingCalendar calendar = WorkingCalendar.chinaDefault()

    /** "2024-02-09 16:00" in Beijing time. */
    static Duration hours(double h) {
        Duration.ofSeconds(Math.round(h * 3600))
    }

    def "#budgetHours h from #start (#why) is due at #due"() {
        expect:
        calendar.deadline(at(start), hours(budgetHours)) == at(due)

        where:
        why                                                 | start                 | budgetHours || due
        'across the lunch break'                            | '2024-03-04 11:00'    | 2           || '2024-03-04 14:30'
        'started during lunch'                              | '2024-03-04 12:30'    | 1           || '2024-03-04 14:30'
        'running out at noon: 12:00, not 13:30'             | '2024-03-04 09:00'    | 3           || '2024-03-04 12:00'
        'running out at the end of the day'                 | '2024-03-04 09:00'    | 7           || '2024-03-04 17:30'
        'overnight'                                         | '2024-03-05 16:30'    | 2           || '2024-03-06 10:00'
        'started in the night'                              | '2024-03-05 23:00'    | 1           || '2024-03-06 10:00'
        'over a weekend'                                    | '2024-03-08 16:00'    | 4           || '2024-03-11 11:30'
        'started on a Saturday'                             | '2024-03-09 10:00'    | 1           || '2024-03-11 10:00'
        'over Spring Festival 2024 to the make-up Sunday'   | '2024-02-09 16:00'    | 4           || '2024-02-18 11:30'
        'over Spring Festival 2025'                         | '2025-01-27 15:00'    | 4           || '2025-02-05 10:30'
        'started inside Spring Festival 2026'               | '2026-02-17 10:00'    | 1           || '2026-02-24 10:00'
        'onto the make-up Saturday 2025-02-08'              | '2025-02-07 17:00'    | 1           || '2025-02-08 09:30'
        'over National Day 2024'                            | '2024-09-30 16:30'    | 3           || '2024-10-08 11:00'
        'over National Day and Mid-Autumn 2025'             | '2025-09-30 17:00'    | 1           || '2025-10-09 09:30'
        'onto the make-up Sunday before National Day 2026'  | '2026-09-18 17:00'    | 1           || '2026-09-20 09:30'
        'over Labour Day 2026 and its make-up Saturday'     | '2026-04-30 17:00'    | 30          || '2026-05-11 10:30'
        'over New Year 2024, from an uncovered 2023'        | '2023-12-29 17:00'    | 1           || '2024-01-02 09:30'
        '100 h: fourteen whole days skipped'                | '2024-03-04 09:00'    | 100         || '2024-03-22 11:00'
        'to the second'                                     | '2024-03-04 11:59:59' | 1 / 3600d   || '2024-03-04 12:00'
    }

    def "a zero budget is due at once, even outside working time"() {
        expect:
        calendar.deadline(at(start), Duration.ZERO) == at(start)

        where:
        start << ['2024-03-04 10:00', '2024-03-09 10:00', '2024-02-12 03:00']
    }

    def "a negative budget is refused"() {
        when:
        calendar.deadline(at('2024-03-04 10:00'), Duration.ofMinutes(-1))

        then:
        def e = thrown(IllegalArgumentException)
        e.message == 'a time budget cannot be negative: PT-1M'
    }

    def "in a year without holiday data only weekends are off, and the calendar says it does not cover the year"() {
        expect: 'New Year 2027 is surely a holiday, but nobody has told the calendar yet'
        !calendar.covers(Year.of(2027))
        calendar.deadline(at('2027-01-01 10:00'), hours(1)) == at('2027-01-01 11:00')
        calendar.deadline(at('2027-01-01 17:00'), hours(1)) == at('2027-01-04 09:30')
    }

    def "with holiday data added for 2027 the same deadline moves past the holiday"() {
        given:
        def year2027 = HolidayYear.of(Year.of(2027), 'test', [
                new Holiday(new HolidayName('元旦', "New Year's Day"), [java.time.LocalDate.parse('2027-01-01')], [])])

        when:
        def updated = calendar.withHolidays([year2027])

        then:
        updated.covers(Year.of(2027))
        updated.deadline(at('2027-01-01 10:00'), hours(1)) == at('2027-01-04 10:00')
        !calendar.covers(Year.of(2027))
    }

    def "configured periods 08:30-12:00 and 14:00-18:00 move a deadline across their own lunch break"() {
        given:
        def custom = WorkingCalendar.builder()
                .periods(WorkingPeriod.parse('14:00-18:00'), WorkingPeriod.parse('08:30-12:00'))
                .holidays(HolidayDataFiles.bundledChina())
                .build()

        expect:
        custom.periods()*.toString() == ['08:30-12:00', '14:00-18:00']
        custom.deadline(at('2024-03-04 11:00'), hours(2)) == at('2024-03-04 15:00')
        custom.workingTimeOn(java.time.LocalDate.parse('2024-03-04')) == hours(7.5)
    }

    def "the deadline of #budgetHours h from a random start uses up exactly that much working time"() {
        given: 'a fixed seed, so that a failure can be replayed'
        def random = new Random(20240209L)
        def first = at('2023-12-01 00:00').epochSecond
        def last = at('2026-10-31 00:00').epochSecond

        expect:
        (1..500).every {
            def start = Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)))
            def budget = Duration.ofSeconds((long) (random.nextDouble() * budgetHours * 3600))
            def due = calendar.deadline(start, budget)
            !due.isBefore(start) && calendar.elapsed(start, due) == budget
        }

        where:
        budgetHours << [8, 40, 400]
    }
}
