package org.citygrid.api.errors;

import java.util.List;

/** The content is not of a kind the API takes, or not the kind it claims to be (HTTP 415). */
public final class Unsupported extends DomainError {

    private static final long serialVersionUID = 1L;

    public Unsupported(String reason, String title, String detail) {
        super(reason, title, detail, List.of());
    }
}
