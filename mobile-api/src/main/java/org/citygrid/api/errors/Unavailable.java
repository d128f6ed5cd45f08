package org.citygrid.api.errors;

import java.time.Duration;
import java.util.List;

/** Something the request needs (the broker) cannot be reached now; nothing was recorded and a retry may succeed (HTTP 503). */
public final class Unavailable extends DomainError {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public Unavailable(String reason, String title, String detail) {
        super(reason, title, detail, List.of());
        this.retryAfterSeconds = 0;
    }

    /** Busy rather than away: the caller is told when a retry is worth it. */
    public Unavailable(String reason, String title, String detail, Duration retryAfter) {
        super(reason, title, detail, List.of());
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    /** Whole seconds to wait before retrying, 0 when the error does not say. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
