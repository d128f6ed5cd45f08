package org.citygrid.api.accounts;

import java.time.Instant;
import java.util.Optional;

/**
 * Issued refresh tokens, by their SHA-256 only (api.refresh_tokens), in families: the tokens that
 * descend, one rotation after another, from one sign-in.
 */
public interface RefreshTokens {

    /** Stores a token that nobody has used yet. */
    void insert(Issued token);

    Optional<Issued> find(String tokenSha256);

    /**
     * Replaces {@code oldSha256} by {@code next} (same family) in one transaction, if the old token is
     * still current: not replaced, not revoked.
     *
     * @return {@code false} when another request replaced or revoked it first (nothing is stored then)
     */
    boolean rotate(String oldSha256, Issued next, Instant now);

    /** Revokes every token of the family: the sign-in it came from is over. */
    void revokeFamily(String familyId);

    /** Revokes every refresh token of the account. */
    void revokeAll(String accountId);

    /**
     * One issued token.
     *
     * @param replacedAt when it was rotated, {@code null} while it is the family's current token
     */
    record Issued(String tokenSha256, String accountId, String familyId, Instant issuedAt, Instant expiresAt,
                  Instant replacedAt, boolean revoked) {

        /** A fresh token of {@code familyId}. */
        public static Issued fresh(String tokenSha256, String accountId, String familyId, Instant issuedAt,
                                   Instant expiresAt) {
            return new Issued(tokenSha256, accountId, familyId, issuedAt, expiresAt, null, false);
        }
    }
}
