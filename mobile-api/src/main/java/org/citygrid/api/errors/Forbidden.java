package org.citygrid.api.errors;

import java.util.List;

/** The caller is known but may not do this (HTTP 403). */
public final class Forbidden extends DomainError {

    private static final long serialVersionUID = 1L;

    public Forbidden(String reason, String title, String detail) {
        super(reason, title, detail, List.of());
    }

    /** The general refusal, reason {@code forbidden}. */
    public static Forbidden because(String detail) {
        return new Forbidden("forbidden", "Forbidden", detail);
    }
}
