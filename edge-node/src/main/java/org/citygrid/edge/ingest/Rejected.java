package org.citygrid.edge.ingest;

import org.citygrid.edge.metrics.RejectReason;
import org.citygrid.model.text.TextRejectedException;
import org.citygrid.model.text.TextRule;

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

    /**
     * The value as {@code rule} stores it, or an {@link RejectReason#INVALID_TEXT} refusal whose
     * message is every violation, in Chinese and English.
     */
    public static String unlessValid(TextRule rule, String value) throws Rejected {
        try {
            return rule.accept(value);
        } catch (TextRejectedException e) {
            throw new Rejected(RejectReason.INVALID_TEXT, e.getMessage());
        }
    }
}
