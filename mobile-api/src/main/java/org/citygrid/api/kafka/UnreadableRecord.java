package org.citygrid.api.kafka;

/**
 * What a handler throws for a record that is not its topic's format (not JSON, an unknown version, a
 * field missing). Reading the same bytes again gives the same answer, so the reader sets the record
 * aside at once instead of trying it again.
 */
public class UnreadableRecord extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreadableRecord(String message, Throwable cause) {
        super(message, cause);
    }
}
