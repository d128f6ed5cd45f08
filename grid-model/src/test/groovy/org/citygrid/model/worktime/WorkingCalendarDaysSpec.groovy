package org.citygrid.model.worktime

import static org.citygrid.model.testkit.BeijingTime.at

import spock.lang.Shared
import spock.lang.Specification

import java.time.Instant
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.Year

import static org.citygrid.model.worktime.DayType.HOLIDAY
import static org.citygrid.model.worktime.DayType.MAKE_UP_WORKDAY
import static org.citygrid.model.worktime.DayType.WEEKEND
import static org.citygrid.model.worktime.DayType.WORKDAY
import static org.citygrid.model.worktime.WorkingCalendar.CHINA_STANDARD_TIME

class WorkingCalendarDaysSpec extends Specification {

    @Shared
    WorkingCalendar calendar = WorkingCalendar.chinaDefault()

    def "the shipped calendar covers 2024 to 2026 and nothing else"() {
        expect:
        calendar.coveredYears() as List == [Year.of(2024), Year.of(2025), Year.of(2026)]
        !calendar.covers(Year.of(2023))
        !calendar.covers(Year.of(2027))
    }

    def "#date is a #expected (#why)"() {
        expect:
        calendar.dayType(LocalDate.parse(date)) == expected

        where:
        date         | why                                          || expected
        '2024-03-11' | 'an ordinary Monday'                         || WORKDAY
        '2024-03-09' | 'an ordinary Saturday'                       || WEEKEND
        '2024-01-01' | 'New Year'                                   || HOLIDAY
        '2024-02-09' | '除夕 2024, only encouraged to be off'        || WORKDAY
        '2024-02-12' | 'Spring Festival 2024'                       || HOLIDAY
        '2024-02-18' | 'Sunday worked for Spring Festival 2024'     || MAKE_UP_WORKDAY
        '2024-06-10' | 'Dragon Boat 2024'                           || HOLIDAY
        '2024-09-14' | 'Saturday worked for Mid-Autumn 2024'        || MAKE_UP_WORKDAY
        '2024-10-12' | 'Saturday worked for National Day 2024'      || MAKE_UP_WORKDAY
        '2025-01-26' | 'Sunday worked for Spring Festival 2025'     || MAKE_UP_WORKDAY
        '2025-04-07' | 'Monday after Qingming 2025, no make-up'     || WORKDAY
        '2025-06-02' | 'Dragon Boat 2025'                           || HOLIDAY
        '2025-10-08' | 'last day of National Day + Mid-Autumn 2025' || HOLIDAY
        '2026-01-04' | 'Sunday worked for New Year 2026'            || MAKE_UP_WORKDAY
        '2026-02-23' | 'last day of Spring Festival 2026'           || HOLIDAY
        '2026-02-28' | 'Saturday worked for Spring Festival 2026'   || MAKE_UP_WORKDAY
        '2026-09-20' | 'Sunday worked for National Day 2026'        || MAKE_UP_WORKDAY
        '2027-01-01' | 'New Year 2027: no data, so a plain Friday'  || WORKDAY
    }

    def "a day knows its holiday by name"() {
        expect:
        calendar.holidayOn(LocalDate.parse(date)).map { it.name().zh() + ' / ' + it.name().en() }.orElse('none') == name

        where:
        date         || name
        '2024-02-18' || '春节 / Spring Festival'
        '2025-10-06' || '国庆节、中秋节 / National Day and Mid-Autumn Festival'
        '2024-03-11' || 'none'
    }

    def "#instant is #expectation"() {
        expect:
        calendar.isWorkingTime(at(instant)) == working

        where:
        instant               || working
        '2024-03-04 09:00'    || true
        '2024-03-04 08:59:59' || false
        '2024-03-04 11:59:59' || true
        '2024-03-04 12:00'    || false
        '2024-03-04 13:30'    || true
        '2024-03-04 17:30'    || false
        '2024-02-18 10:00'    || true
        '2024-02-12 10:00'    || false
        '2024-03-09 10:00'    || false

        expectation = working ? 'working time' : 'not working time'
    }

    def "the next working instant after #instant is #next"() {
        expect:
        calendar.nextWorkingInstant(at(instant)) == at(next)

        where:
        instant            || next
        '2024-03-04 10:15' || '2024-03-04 10:15'
        '2024-03-04 12:00' || '2024-03-04 13:30'
        '2024-03-04 18:00' || '2024-03-05 09:00'
        '2024-03-08 17:30' || '2024-03-11 09:00'
        '2024-02-09 18:00' || '2024-02-18 09:00'
        '2025-09-30 17:30' || '2025-10-09 09:00'
    }

    def "working periods that overlap are refused"() {
        when:
        WorkingCalendar.builder().periods(WorkingPeriod.parse('09:00-12:00'), WorkingPeriod.parse('11:00-14:00'))

        then:
        def e = thrown(IllegalArgumentException)
        e.message == 'working periods overlap: 09:00-12:00 and 11:00-14:00'
    }

    def "the working period '#text' is refused"() {
        when:
        WorkingPeriod.parse(text)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.startsWith(message)

        where:
        text          || message
        '9-12'        || "a working period is written HH:mm-HH:mm, not '9-12'"
        '09:00'       || "a working period is written HH:mm-HH:mm, not '09:00'"
        '17:30-09:00' || 'a working period must end after it starts, and not cross midnight: 17:30-09:00'
    }
}
