package org.citygrid.cloud.ledger;

import java.time.Instant;
import org.citygrid.model.cases.Case;

/** The SLA clock: told of each case a command changed, it sets the alarms the case needs now. */
public interface Deadlines {

    /**
     * @param c   the case after a command and its follow-ups
     * @param now the command's time
     */
    void follow(Case c, Instant now);
}
