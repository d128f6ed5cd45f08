package org.citygrid.model.cases;

import java.util.List;

/** The outcome of deciding a command: the events it causes, or why it was refused. */
public sealed interface Decision {

    record Accepted(List<CaseEvent> events) implements Decision {
        public Accepted {
            if (events.isEmpty()) {
                throw new IllegalArgumentException("an accepted command changes the case");
            }
            events = List.copyOf(events);
        }
    }

    record Rejected(Rejection rejection) implements Decision {
    }

    default boolean accepted() {
        return this instanceof Accepted;
    }

    /** The events, or an empty list for a rejection. */
    default List<CaseEvent> events() {
        return this instanceof Accepted a ? a.events() : List.of();
    }
}
