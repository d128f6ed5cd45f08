package org.citygrid.model.wire;

/** A message that is not a valid CityGrid wire record; the message says where and why. */
public class WireFormatException extends RuntimeException {

    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
