package org.citygrid.demo;

/**
 * The demo cannot go on. The message says what is wrong and what to do about it; {@link DemoMain} prints
 * it without a stack trace, because the person reading it is running the demo, not debugging it.
 */
public class DemoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DemoException(String message) {
        super(message);
    }

    public DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
