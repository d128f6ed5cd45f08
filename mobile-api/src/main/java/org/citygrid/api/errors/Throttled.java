package org.citygrid.api.errors;

import java.time.Duration;
import java.util.List;

/** The caller's rate limit is used up for now; {@link #retryAfterSeconds()} says when to try again (HTTP 429). */
public final class Throttled extends DomainError {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    /** {@code what} is the counted thing in the plural, e.g. "sign-in attempts". */
    public Throttled(String what, Duration wait) {
        super("rate-limited", "Too many requests",
                "too many " + what + "; try again in " + Math.max(1, wait.toSeconds()) + " s", List.of());
        this.retryAfterSeconds = Math.max(1, wait.toSeconds());
    }

    /** A refusal of its own kind ({@code reason}), with a detail that says when to come back. */
    public Throttled(String reason, String title, String detail, Duration wait) {
        super(reason, title, detail, List.of());
        this.retryAfterSeconds = Math.max(1, wait.toSeconds());
    }

    /** Whole seconds, at least one. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
