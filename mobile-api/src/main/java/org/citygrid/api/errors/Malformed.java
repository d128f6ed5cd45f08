package org.citygrid.api.errors;

import java.util.List;

/** The request cannot be read as asked: a missing or unreadable parameter or header (HTTP 400). */
public final class Malformed extends DomainError {

    private static final long serialVersionUID = 1L;

    public Malformed(String reason, String title, String detail) {
        super(reason, title, detail, List.of());
    }

    public Malformed(String reason, String title, String detail, List<FieldError> fieldErrors) {
        super(reason, title, detail, fieldErrors);
    }

    /** An unreadable parameter, titled "Invalid request". */
    public static Malformed request(String reason, String detail) {
        return new Malformed(reason, "Invalid request", detail);
    }
}
