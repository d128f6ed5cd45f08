package org.citygrid.model.geo;

/**
 * A client named a coordinate system CityGrid does not know. The message says what was sent and
 * what is accepted, so the API can return it to the client as is.
 */
public final class UnknownCrsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String name;

    UnknownCrsException(String name, String advice) {
        super("unknown coordinate system " + (name == null ? "null" : "'" + name + "'") + ": " + advice);
        this.name = name;
    }

    /** The name as the client sent it; may be null or blank. */
    public String name() {
        return name;
    }
}
