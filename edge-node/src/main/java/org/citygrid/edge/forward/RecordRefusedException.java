package org.citygrid.edge.forward;

/**
 * The receiver refused one record for a reason of the record's own (too large for the topic, not
 * serialisable): sending it again will fail again, unlike a broker that is away. The forwarder
 * tries it a bounded number of times and then sets it aside as a dead letter.
 */
public final class RecordRefusedException extends RuntimeException {

    public RecordRefusedException(Throwable cause) {
        super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }
}
