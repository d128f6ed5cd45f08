package org.citygrid.model.worktime;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One holiday break of one year as the State Council arranges it: the days off and the weekend
 * days worked in exchange (调休).
 *
 * <p>The lists are sorted and immutable. Consistency with the year (dates inside it, make-up days
 * on weekends, no date twice) is checked by {@link HolidayYear}, which sees all breaks at once.
 *
 * @param name           the holiday's name
 * @param daysOff        the days not worked, weekend days of the break included; not empty
 * @param makeUpWorkdays Saturdays and Sundays that are worked; may be empty
 */
public record Holiday(HolidayName name, List<LocalDate> daysOff, List<LocalDate> makeUpWorkdays) {

    /**
     * @throws IllegalArgumentException if {@code daysOff} is empty
     */
    public Holiday {
        Objects.requireNonNull(name, "name");
        daysOff = daysOff.stream().sorted().toList();
        makeUpWorkdays = makeUpWorkdays.stream().sorted().toList();
        if (daysOff.isEmpty()) {
            throw new IllegalArgumentException("holiday " + name + " has no days off");
        }
    }
}
