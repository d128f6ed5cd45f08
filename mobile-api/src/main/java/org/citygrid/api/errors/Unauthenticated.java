package org.citygrid.api.errors;

import java.util.List;

/**
 * The caller is not (or no longer) who they claim: wrong credentials, a refresh token that is unknown,
 * expired, revoked or used twice, an account disabled since its token was issued (HTTP 401). The
 * client signs in again.
 */
public final class Unauthenticated extends DomainError {

    private static final long serialVersionUID = 1L;

    public Unauthenticated(String reason, String title, String detail) {
        super(reason, title, detail, List.of());
    }
}
