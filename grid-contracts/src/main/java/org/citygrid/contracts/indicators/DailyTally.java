package org.citygrid.contracts.indicators;

import java.time.LocalDate;
import java.util.Objects;
import org.citygrid.model.indicator.IndicatorTally;

/**
 * The indicator counts of one key on one Beijing day, as {@code grid.indicators} carries them
 * (with {@code "v": 1}) and the read model stores them.
 *
 * @param day       the Asia/Shanghai calendar day of the events counted
 * @param dimension {@code area}, {@code department}, {@code person} or {@code category}
 * @param level     for areas the {@code AreaLevel} name, otherwise empty
 * @param code      area code, department code, user id or category code
 * @param tally     the counters
 * @param events    how many case events contributed; only grows, so a consumer keeps the tally
 *                  with the most events and a replay never moves a figure backwards
 */
public record DailyTally(LocalDate day, String dimension, String level, String code, IndicatorTally tally, long events) {

    public DailyTally {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(dimension, "dimension");
        level = level == null ? "" : level;
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(tally, "tally");
    }

    /** The key on {@code grid.indicators}: {@code day/dimension/level/code}. */
    public String key() {
        return day + "/" + dimension + "/" + level + "/" + code;
    }

    public DailyTally plus(DailyTally other) {
        return new DailyTally(day, dimension, level, code, tally.plus(other.tally), events + other.events);
    }
}
