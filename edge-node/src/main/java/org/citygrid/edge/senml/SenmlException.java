package org.citygrid.edge.senml;

/** A SenML pack that cannot be read: not JSON/CBOR, not an array of records, or breaking RFC 8428's rules. */
public final class SenmlException extends RuntimeException {
    public SenmlException(String message) {
        super(message);
    }

    public SenmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
