package org.citygrid.demo.api;

/** The API refused a request or could not be reached; the message names the request and the answer. */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ApiException(String message) {
        super(message);
    }

    public ApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
