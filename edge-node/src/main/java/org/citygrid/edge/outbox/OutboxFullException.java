package org.citygrid.edge.outbox;

/** The outbox would exceed its disk budget: nothing was written, the sender should come back later. */
public final class OutboxFullException extends Exception {
    private final int retryAfterSeconds;

    public OutboxFullException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
