package org.citygrid.model.worktime

import spock.lang.Specification

import java.time.Duration
import java.time.Instant

class RoundTheClockSpec extends Specification {

    def clock = RoundTheClock.INSTANCE

    def "an emergency limit runs through the night and the holidays"() {
        given: 'Saturday 2024-02-10 23:00 Beijing time, the first night of Spring Festival'
        def start = Instant.parse('2024-02-10T15:00:00Z')

        expect:
        clock.deadline(start, Duration.ofHours(2)) == Instant.parse('2024-02-10T17:00:00Z')
        clock.elapsed(start, Instant.parse('2024-02-11T15:00:00Z')) == Duration.ofHours(24)
    }

    def "elapsed is zero when the end is not after the start"() {
        expect:
        clock.elapsed(Instant.parse('2024-02-10T15:00:00Z'), Instant.parse('2024-02-10T14:00:00Z')) == Duration.ZERO
    }

    def "a negative budget is refused"() {
        when:
        clock.deadline(Instant.EPOCH, Duration.ofSeconds(-1))

        then:
        thrown(IllegalArgumentException)
    }
}
