package org.citygrid.model.worktime

import static org.citygrid.model.testkit.BeijingTime.at

import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration
import java.time.Instant
import java.time.LocalDateTime

import static org.citygrid.model.worktime.WorkingCalendar.CHINA_STANDARD_TIME

class WorkingCalendarElapsedSpec extends Specification {

    @Shared
    WorkingCalendar calendar = WorkingCalendar.chinaDefault()

    def "from #from to #to (#why) counts #expected"() {
        expect:
        calendar.elapsed(at(from), at(to)) == Duration.parse(expected)

        where:
        why                                                 | from                      | to                        || expected
        'across the lunch break'                            | '2024-03-04 11:00'        | '2024-03-04 14:00'        || 'PT1H30M'
        'overnight'                                         | '2024-03-05 17:00'        | '2024-03-06 10:00'        || 'PT1H30M'
        'over a weekend'                                    | '2024-03-08 17:00'        | '2024-03-11 09:30'        || 'PT1H'
        'a whole weekend'                                   | '2024-03-09 00:00'        | '2024-03-11 00:00'        || 'PT0S'
        'Spring Festival 2024 with its make-up Sunday'      | '2024-02-09 09:00'        | '2024-02-19 09:00'        || 'PT14H'
        'Spring Festival 2026 with both make-up Saturdays'  | '2026-02-14 00:00'        | '2026-03-01 00:00'        || 'PT42H'
        'National Day and Mid-Autumn 2025, two make-up days'| '2025-09-26 09:00'        | '2025-10-13 09:00'        || 'PT49H'
        'only the make-up Saturday 2024-05-11'              | '2024-05-11 00:00'        | '2024-05-12 00:00'        || 'PT7H'
        'inside a holiday'                                  | '2024-10-02 09:00'        | '2024-10-02 17:00'        || 'PT0S'
        'one second'                                        | '2024-03-04 09:00:00'     | '2024-03-04 09:00:01'     || 'PT1S'
        'fractions of a second across lunch'                | '2024-03-04 11:59:59.500' | '2024-03-04 13:30:00.250' || 'PT0.75S'
        'a working week'                                    | '2024-03-04 00:00'        | '2024-03-11 00:00'        || 'PT35H'
    }

    def "elapsed is zero when the end is not after the start"() {
        expect:
        calendar.elapsed(at(from), at(to)) == Duration.ZERO

        where:
        from               | to
        '2024-03-04 10:00' | '2024-03-04 10:00'
        '2024-03-04 11:00' | '2024-03-04 10:00'
    }

    def "the whole of 2025 counts 248 working days of 7 hours"() {
        when:
        def year = calendar.elapsed(at('2025-01-01 00:00'), at('2026-01-01 00:00'))

        then: '261 weekdays, 18 of them off, 5 make-up days: the published figure'
        year == Duration.ofHours(248 * 7)
    }
}
