package org.citygrid.api.errors;

import java.util.List;

/** Nothing of that id exists for this caller; also answered for what exists but is out of the caller's scope, so ids do not leak (HTTP 404). */
public final class NotFound extends DomainError {

    private static final long serialVersionUID = 1L;

    public NotFound(String what) {
        super("not-found", "Not found", what, List.of());
    }
}
