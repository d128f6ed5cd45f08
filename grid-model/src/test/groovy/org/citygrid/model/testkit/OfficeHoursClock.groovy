package org.citygrid.model.testkit

import java.time.DayOfWeek
import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneOffset
import org.citygrid.model.worktime.SlaClock

/** Counts 9:00 to 17:00 UTC, Monday to Friday: enough of a working calendar to test with. */
class OfficeHoursClock implements SlaClock {

    Instant deadline(Instant start, Duration budget) {
        Duration left = budget
        Instant cursor = start
        while (true) {
            def (open, close) = hoursOf(LocalDate.ofInstant(cursor, ZoneOffset.UTC))
            if (open != null && cursor.isBefore(close)) {
                if (cursor.isBefore(open)) {
                    cursor = open
                }
                Duration available = Duration.between(cursor, close)
                if (left <= available) {
                    return cursor + left
                }
                left = left - available
            }
            cursor = LocalDate.ofInstant(cursor, ZoneOffset.UTC).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
        }
    }

    Duration elapsed(Instant from, Instant to) {
        Duration total = Duration.ZERO
        for (def day = LocalDate.ofInstant(from, ZoneOffset.UTC); !day.isAfter(LocalDate.ofInstant(to, ZoneOffset.UTC)); day = day.plusDays(1)) {
            def (open, close) = hoursOf(day)
            if (open != null) {
                Instant start = [from, open].max()
                Instant end = [to, close].min()
                if (end.isAfter(start)) {
                    total = total + Duration.between(start, end)
                }
            }
        }
        total
    }

    private static List<Instant> hoursOf(LocalDate day) {
        day.dayOfWeek in [DayOfWeek.SATURDAY, DayOfWeek.SUNDAY] ? [null, null]
                : [day.atTime(9, 0).toInstant(ZoneOffset.UTC), day.atTime(17, 0).toInstant(ZoneOffset.UTC)]
    }
}

/** The fixture rules of the case package, with every category on office hours. */
class OfficeHoursRules implements org.citygrid.model.cases.CaseRules {
    @Delegate
    org.citygrid.model.cases.CaseRules rules = CaseFixtures.RULES
    final OfficeHoursClock officeHours = new OfficeHoursClock()

    SlaClock clock(String categoryCode) { officeHours }
}
