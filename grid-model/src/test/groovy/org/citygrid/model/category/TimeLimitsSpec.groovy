package org.citygrid.model.category

import java.time.Duration
import spock.lang.Specification

class TimeLimitsSpec extends Specification {

    static final Duration SEVEN_HOURS = Duration.ofHours(7)

    def "gives each step's limit in hours or working days, and its counted time on a calendar's working day"() {
        given:
        def limits = new TimeLimits(TimeLimit.parse('0.5h'), TimeLimit.parse('1h'), TimeLimit.parse('0.25h'),
                TimeLimit.parse('15wd'), TimeLimit.parse('2h'), TimeLimit.parse('0.5wd'))

        expect:
        limits.of(TimeLimits.Step.FILE, SEVEN_HOURS) == Duration.ofMinutes(30)
        limits.of(TimeLimits.Step.VERIFY, SEVEN_HOURS) == Duration.ofHours(1)
        limits.of(TimeLimits.Step.DISPATCH, SEVEN_HOURS) == Duration.ofMinutes(15)
        limits.of(TimeLimits.Step.HANDLE, SEVEN_HOURS) == Duration.ofHours(105)
        limits.of(TimeLimits.Step.CHECK, SEVEN_HOURS) == Duration.ofHours(2)
        limits.of(TimeLimits.Step.CLOSE, SEVEN_HOURS) == Duration.ofMinutes(210)
        limits.of(TimeLimits.Step.HANDLE, Duration.ofHours(24)) == Duration.ofDays(15)
    }

    def "a limit reads and writes as the catalogue writes it: #text"() {
        expect:
        TimeLimit.parse(text).toString() == written
        TimeLimit.parse(text).unit() == unit

        where:
        text    || written | unit
        '5h'    || '5h'    | TimeLimit.Unit.HOURS
        '0.50h' || '0.5h'  | TimeLimit.Unit.HOURS
        '15wd'  || '15wd'  | TimeLimit.Unit.WORKING_DAYS
        ' 2wd ' || '2wd'   | TimeLimit.Unit.WORKING_DAYS
    }

    def "refuses a limit that is not positive, or not of the form: #text"() {
        when:
        TimeLimit.parse(text)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains(message)

        where:
        text     || message
        '0h'     || 'positive'
        '-1h'    || 'hours like "4h"'
        '3 days' || 'working days like "15wd"'
        '4'      || 'hours like "4h"'
    }

    def "format 1's hours: the verification limit is the check limit, the closing limit the filing limit"() {
        when:
        def limits = TimeLimits.ofHours(0.5, 0.25, 4, 1)

        then:
        limits.verify() == limits.check()
        limits.close() == limits.file()
        limits.handle() == TimeLimit.parse('4h')
    }
}
