package org.citygrid.cloud.ledger;

import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseEvent;

/**
 * Keeps something of its own in step with every event the ledger records: the open-case index,
 * handler load, indicator tallies, the case cycle's meters.
 */
public interface CaseTracker {

    /**
     * @param before the case before the event, null for the report that opens it
     * @param event  the event
     * @param after  the case after it
     */
    void follow(Case before, CaseEvent event, Case after);
}
