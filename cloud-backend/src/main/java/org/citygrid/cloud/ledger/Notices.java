package org.citygrid.cloud.ledger;

import java.util.Optional;
import org.citygrid.contracts.notify.CaseNotification;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseEvent;

/** Who must be told of an event, and what: one {@link CaseNotification} per event, or none. */
public interface Notices {

    /**
     * @param before the case before the event, null for the report that opens it
     * @param event  the event
     * @param after  the case after it
     * @return the notification, or empty when the event concerns no one
     */
    Optional<CaseNotification> of(Case before, CaseEvent event, Case after);

    /**
     * The notification of {@code last} (the event after which no department was left to try) with the
     * command desk told to dispatch by hand.
     *
     * @param ofEvent what {@link #of} decided for {@code last}, if anything
     */
    CaseNotification withDispatchNeeded(Optional<CaseNotification> ofEvent, CaseEvent last, Case c);
}
