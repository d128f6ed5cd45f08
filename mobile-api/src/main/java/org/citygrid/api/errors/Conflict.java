package org.citygrid.api.errors;

import java.util.List;

/** The request clashes with what is already there or still under way (HTTP 409). */
public final class Conflict extends DomainError {

    private static final long serialVersionUID = 1L;

    public Conflict(String reason, String title, String detail) {
        super(reason, title, detail, List.of());
    }
}
