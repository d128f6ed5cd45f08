package org.citygrid.api.indicators;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.citygrid.model.indicator.IndicatorTally;

/**
 * cloud-backend's daily tallies (grid.indicators, docs/read-model.md) added up over a range of days.
 * Everything computed from the sums (the rates) is grid-model's {@link org.citygrid.model.indicator.Indicators}.
 */
public interface IndicatorTallies {

    /** The tally of every code of the query's dimension and level that counted something in its days, by code. */
    TreeMap<String, IndicatorTally> byCode(IndicatorQuery query);

    /** The tally of the query's code on each day of the query; days that counted nothing are absent. */
    Map<LocalDate, IndicatorTally> byDay(IndicatorQuery query);
}
