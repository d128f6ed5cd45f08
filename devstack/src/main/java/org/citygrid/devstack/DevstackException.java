package org.citygrid.devstack;

/**
 * A devstack service could not be started, stopped or used. The message says what failed and what to
 * do about it; where a process wrote a log, the message ends with the log's last lines.
 */
public class DevstackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DevstackException(String message) {
        super(message);
    }

    public DevstackException(String message, Throwable cause) {
        super(message, cause);
    }
}
