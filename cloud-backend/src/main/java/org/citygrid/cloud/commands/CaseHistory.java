package org.citygrid.cloud.commands;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseChange;
import org.citygrid.model.cases.CaseEvent;

/**
 * A case as the state store keeps it: its whole event list. The events, not a snapshot, are kept
 * because they are the truth the state machine folds, and because dispatch needs the history (who
 * returned the case, who handled it before a rework) that the folded case does not carry.
 */
public final class CaseHistory {

    private final List<CaseEvent> events;
    private final Case current;

    @JsonCreator
    public CaseHistory(@JsonProperty("events") List<CaseEvent> events) {
        this.events = List.copyOf(events);
        this.current = Case.replay(this.events);
    }

    private CaseHistory(List<CaseEvent> events, Case current) {
        this.events = events;
        this.current = current;
    }

    public static CaseHistory opened(CaseEvent report) {
        return new CaseHistory(List.of(report), Case.open(report));
    }

    @JsonProperty("events")
    public List<CaseEvent> events() {
        return events;
    }

    @JsonIgnore
    public Case current() {
        return current;
    }

    /** The history with one more event, which the case must accept as its next. */
    public CaseHistory plus(CaseEvent event) {
        Case next = current.apply(event);
        List<CaseEvent> more = new ArrayList<>(events.size() + 1);
        more.addAll(events);
        more.add(event);
        return new CaseHistory(List.copyOf(more), next);
    }

    /** Departments that gave the case back as not theirs, in order. */
    @JsonIgnore
    public List<String> returnedBy() {
        return events.stream()
                .map(CaseEvent::change)
                .filter(CaseChange.Returned.class::isInstance)
                .map(c -> ((CaseChange.Returned) c).department())
                .toList();
    }

    /** The latest department feedback: who handled it, and for which department. */
    @JsonIgnore
    public Optional<CaseEvent> lastHandled() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).change() instanceof CaseChange.Handled) {
                return Optional.of(events.get(i));
            }
        }
        return Optional.empty();
    }
}
