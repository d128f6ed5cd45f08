package org.citygrid.api.kafka;

import org.citygrid.contracts.deadletters.DeadLetter;

/** Where a reader sets aside a record it gave up on; returns once the dead letter is durable, or throws. */
@FunctionalInterface
public interface DeadLetterShelf {

    void setAside(DeadLetter letter);
}
