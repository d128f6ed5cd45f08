package org.citygrid.api.kafka;

import java.time.Duration;

/**
 * How a topic reader treats a record whose handler fails.
 *
 * @param maxAttempts how many times in all a record that fails for its own reasons is handed over before it is
 *                    set aside (a failure of the database or the broker is not counted: it is waited out)
 * @param pause       how long the reader waits before handing a failed record over again
 */
public record ReaderRetries(int maxAttempts, Duration pause) {

    public ReaderRetries {
        if (maxAttempts < 1 || pause.isNegative()) {
            throw new IllegalArgumentException("a reader tries a record at least once, after a pause of zero or more");
        }
    }
}
