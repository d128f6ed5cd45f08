package org.citygrid.api.errors;

import java.util.List;

/** Something the request needs (the broker) cannot be reached now; nothing was recorded and a retry may succeed (HTTP 503). */
public final class Unavailable extends DomainError {

    private static final long serialVersionUID = 1L;

    public Unavailable(String reason, String title, String detail) {
        super(reason, title, detail, List.of());
    }
}
