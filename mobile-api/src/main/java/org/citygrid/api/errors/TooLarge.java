package org.citygrid.api.errors;

import java.util.List;

/** The content is bigger than the API takes (HTTP 413). */
public final class TooLarge extends DomainError {

    private static final long serialVersionUID = 1L;

    public TooLarge(String reason, String title, String detail) {
        super(reason, title, detail, List.of());
    }
}
