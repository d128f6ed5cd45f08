package org.citygrid.edge.ingest;

import org.citygrid.edge.metrics.RejectReason;

/** Input refused for a reason the sender can fix; the message goes back to it as the diagnostic payload. */
public final class Rejected extends Exception {
    private final RejectReason reason;

    public Rejected(RejectReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
