package org.citygrid.edge.limits;

/** A device asked more often than its rate limit allows; it may come back after {@link #retryAfterSeconds()}. */
public final class TooManyRequests extends Exception {

    private final long retryAfterSeconds;

    public TooManyRequests(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds until the device's next request will be taken: the Max-Age of the 4.29. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
