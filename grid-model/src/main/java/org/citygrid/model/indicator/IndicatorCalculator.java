package org.citygrid.model.indicator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseEvent;

/**
 * Indicators in batch: replays an ordered list of events (many cases interleaved, each case's
 * events in version order) and sums what {@link IndicatorFacts} says each event adds.
 *
 * <p>Every event is replayed, so the case state is right, but only events inside the requested
 * window are counted: a case filed last month and closed today counts as a closure today.
 */
public final class IndicatorCalculator {

    /** Calendar days for trend charts are days in China Standard Time. */
    public static final ZoneId DAY_ZONE = ZoneId.of("Asia/Shanghai");

    private final IndicatorFacts facts;

    public IndicatorCalculator(IndicatorFacts facts) {
        this.facts = Objects.requireNonNull(facts, "facts");
    }

    /** The tallies of the whole history, by key. */
    public Map<IndicatorKey, IndicatorTally> totals(List<CaseEvent> events) {
        Map<IndicatorKey, IndicatorTally> totals = new LinkedHashMap<>();
        replay(events, (event, contributions) -> addTo(totals, contributions));
        return Collections.unmodifiableMap(totals);
    }

    /**
     * The tallies of the events at or after {@code from} and before {@code to}, by key.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public Map<IndicatorKey, IndicatorTally> totals(List<CaseEvent> events, Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a window ends after it starts: [" + from + ", " + to + ")");
        }
        Map<IndicatorKey, IndicatorTally> totals = new LinkedHashMap<>();
        replay(events, (event, contributions) -> {
            if (!event.at().isBefore(from) && event.at().isBefore(to)) {
                addTo(totals, contributions);
            }
        });
        return Collections.unmodifiableMap(totals);
    }

    /**
     * The tallies of a period as the evaluation counts it: the facts of the events at or after
     * {@code from} and before {@code to}, and, at {@code to}, the cases due but still open
     * ({@link Counter#DUE_OPEN}, {@link Counter#HANDLING_DUE_OPEN}; see
     * {@link IndicatorFacts#dueAtEnd}). Compute a quarter as one period: its end state is not the sum
     * of its months'.
     *
     * @param events every event up to {@code to} at least, in log order (earlier ones set the state)
     */
    public Map<IndicatorKey, IndicatorTally> period(List<CaseEvent> events, Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a period ends after it starts: [" + from + ", " + to + ")");
        }
        Map<IndicatorKey, IndicatorTally> totals = new LinkedHashMap<>();
        Map<String, Case> atEnd = new LinkedHashMap<>();
        replay(events, (event, contributions) -> {
            if (!event.at().isBefore(from) && event.at().isBefore(to)) {
                addTo(totals, contributions);
            }
        }, (event, after) -> {
            if (event.at().isBefore(to)) {
                atEnd.put(after.id(), after);
            }
        });
        atEnd.values().forEach(c -> addTo(totals, facts.dueAtEnd(c, to)));
        return Collections.unmodifiableMap(totals);
    }

    /** The tallies of each calendar day in {@link #DAY_ZONE} that has any fact, by key. */
    public SortedMap<LocalDate, Map<IndicatorKey, IndicatorTally>> byDay(List<CaseEvent> events) {
        return byDay(events, DAY_ZONE);
    }

    /** The tallies of each calendar day in {@code zone} that has any fact, by key. */
    public SortedMap<LocalDate, Map<IndicatorKey, IndicatorTally>> byDay(List<CaseEvent> events, ZoneId zone) {
        SortedMap<LocalDate, Map<IndicatorKey, IndicatorTally>> days = new TreeMap<>();
        replay(events, (event, contributions) -> {
            if (!contributions.isEmpty()) {
                LocalDate day = LocalDate.ofInstant(event.at(), zone);
                addTo(days.computeIfAbsent(day, d -> new LinkedHashMap<>()), contributions);
            }
        });
        days.replaceAll((day, totals) -> Collections.unmodifiableMap(totals));
        return Collections.unmodifiableSortedMap(days);
    }

    /**
     * Folds every event into its case and hands each event with its contributions to {@code sink}.
     *
     * @throws IllegalArgumentException if a case's events do not start with its report or skip a
     *                                  version: figures from a history with holes would be wrong
     */
    private void replay(List<CaseEvent> events, BiConsumer<CaseEvent, Map<IndicatorKey, IndicatorTally>> sink) {
        replay(events, sink, (event, after) -> {
        });
    }

    private void replay(List<CaseEvent> events, BiConsumer<CaseEvent, Map<IndicatorKey, IndicatorTally>> sink,
                        BiConsumer<CaseEvent, Case> cases) {
        Map<String, Case> open = new HashMap<>();
        for (CaseEvent event : events) {
            Case before = open.get(event.caseId());
            Case after = before == null ? Case.open(event) : before.apply(event);
            open.put(event.caseId(), after);
            sink.accept(event, facts.contributions(before, event, after));
            cases.accept(event, after);
        }
    }

    private static void addTo(Map<IndicatorKey, IndicatorTally> totals, Map<IndicatorKey, IndicatorTally> contributions) {
        contributions.forEach((key, tally) -> totals.merge(key, tally, IndicatorTally::plus));
    }
}
