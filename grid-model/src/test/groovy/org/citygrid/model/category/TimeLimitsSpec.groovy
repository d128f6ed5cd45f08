package org.citygrid.model.category

import java.time.Duration
import spock.lang.Specification

class TimeLimitsSpec extends Specification {

    def "gives each step's limit as a Duration"() {
        given:
        def limits = TimeLimits.ofHours(0.5, 0.25, 4, 1)

        expect:
        limits.of(TimeLimits.Step.FILE) == Duration.ofMinutes(30)
        limits.of(TimeLimits.Step.DISPATCH) == Duration.ofMinutes(15)
        limits.of(TimeLimits.Step.HANDLE) == Duration.ofHours(4)
        limits.of(TimeLimits.Step.CHECK) == Duration.ofHours(1)
        limits.total() == Duration.ofMinutes(345)
    }

    def "refuses a limit that is not positive"() {
        when:
        TimeLimits.ofHours(0.5, 0.5, 0, 1)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('handle')
    }
}
