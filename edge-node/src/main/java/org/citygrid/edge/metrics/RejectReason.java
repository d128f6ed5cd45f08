package org.citygrid.edge.metrics;

/** Why a request was refused; each has its own counter in /health. */
public enum RejectReason {
    MALFORMED("malformed"),
    INVALID_TEXT("invalid-text"),
    UNSUPPORTED_CONTENT_FORMAT("unsupported-content-format"),
    TOO_LARGE("too-large"),
    UNKNOWN_DEVICE("unknown-device"),
    FORBIDDEN("forbidden"),
    UNLINKED_REPORTER("unlinked-reporter"),
    NOT_A_SENSOR("not-a-sensor"),
    UNIT_MISMATCH("unit-mismatch"),
    OUT_OF_RANGE("out-of-range"),
    OUTSIDE_NEIGHBOURHOOD("outside-neighbourhood"),
    BAD_PHOTO("bad-photo"),
    RATE_LIMITED("rate-limited"),
    OUTBOX_FULL("outbox-full");

    private final String label;

    RejectReason(String label) {
        this.label = label;
    }

    /** The name used in /health and in logs. */
    public String label() {
        return label;
    }
}
