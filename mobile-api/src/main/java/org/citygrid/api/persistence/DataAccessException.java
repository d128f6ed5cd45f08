package org.citygrid.api.persistence;

/** A database call failed; surfaces as a 500 problem, never as a half-done write. */
public class DataAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
