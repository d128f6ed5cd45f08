package org.citygrid.model.testkit

import static org.citygrid.model.worktime.WorkingCalendar.CHINA_STANDARD_TIME

import java.time.Instant
import java.time.LocalDateTime

/** Instants written as a person in the city would say them: Beijing wall-clock time. */
class BeijingTime {

    /** {@code at('2026-03-02 09:30')} is 09:30 in Asia/Shanghai, 01:30 UTC. */
    static Instant at(String beijingTime) {
        LocalDateTime.parse(beijingTime.replace(' ', 'T')).atZone(CHINA_STANDARD_TIME).toInstant()
    }
}
