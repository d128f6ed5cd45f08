package org.citygrid.cloud.indicators;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.citygrid.contracts.indicators.DailyTally;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.cases.CaseRules;
import org.citygrid.model.indicator.IndicatorFacts;
import org.citygrid.model.indicator.IndicatorKey;
import org.citygrid.model.indicator.IndicatorTally;

/**
 * Turns one case event into the daily tallies it adds, using grid-model's {@link IndicatorFacts}
 * (the same facts a batch replay computes). The case processor has the case before and after each
 * event at hand, which is exactly what the facts need, so it calls this inline; summing per day
 * happens downstream after a repartition by tally key.
 */
public final class IndicatorContributions {

    /** Evaluation counts by the Beijing day, not the UTC one. */
    public static final ZoneId DAY_ZONE = ZoneId.of("Asia/Shanghai");

    private final IndicatorFacts facts;

    public IndicatorContributions(CaseRules rules) {
        this.facts = IndicatorFacts.using(rules);
    }

    public List<DailyTally> of(Case before, CaseEvent event, Case after) {
        Map<IndicatorKey, IndicatorTally> byKey = facts.contributions(before, event, after);
        if (byKey.isEmpty()) {
            return List.of();
        }
        LocalDate day = LocalDate.ofInstant(event.at(), DAY_ZONE);
        List<DailyTally> out = new ArrayList<>(byKey.size());
        byKey.forEach((key, tally) -> out.add(switch (key) {
            case IndicatorKey.Area a -> new DailyTally(day, "area", a.level().name(), a.code(), tally, 1);
            case IndicatorKey.Department d -> new DailyTally(day, "department", "", d.code(), tally, 1);
            case IndicatorKey.Person p -> new DailyTally(day, "person", "", p.id(), tally, 1);
            case IndicatorKey.Category c -> new DailyTally(day, "category", "", c.code(), tally, 1);
        }));
        return out;
    }
}
