package org.citygrid.api.accounts;

import java.time.Instant;
import java.util.Optional;

/** Issued refresh tokens, by their SHA-256 only (api.refresh_tokens). */
public interface RefreshTokens {

    void insert(String tokenSha256, String accountId, Instant issuedAt);

    Optional<Issued> find(String tokenSha256);

    /** Revokes every refresh token of the account. */
    void revokeAll(String accountId);

    /** Whose token it is, and whether it was revoked. */
    record Issued(String accountId, boolean revoked) {
    }
}
