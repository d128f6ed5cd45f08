package org.citygrid.api.accounts;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a token says about its holder: the account id as subject, the role and the posts it holds
 * ({@link Authorities}), and the scope
 * (department, community, grids), so that every request can be scoped without a database lookup.
 */
@Singleton
public class TokenClaims {

    static final String DEPARTMENT = "department";
    static final String COMMUNITY = "community";
    static final String GRIDS = "grids";
    static final String NAME = "name";

    AuthenticationResponse success(Account a) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(NAME, a.displayName());
        if (a.department() != null) {
            attributes.put(DEPARTMENT, a.department());
        }
        if (a.communityCode() != null) {
            attributes.put(COMMUNITY, a.communityCode());
        }
        if (!a.gridCodes().isEmpty()) {
            attributes.put(GRIDS, a.gridCodes());
        }
        return AuthenticationResponse.success(a.id(), Authorities.of(a.role()), attributes);
    }

    Authentication authentication(Account a) {
        return success(a).getAuthentication().orElseThrow();
    }

    /** When the token behind {@code auth} was issued ({@code iat}), or {@code null} when it does not say. */
    public static Instant issuedAt(Authentication auth) {
        return instant(auth.getAttributes().get("iat"));
    }

    /** When the token behind {@code auth} expires ({@code exp}), or {@code null} when it does not say. */
    public static Instant expiresAt(Authentication auth) {
        return instant(auth.getAttributes().get("exp"));
    }

    // the JWT library hands the NumericDate claims over as Dates; other fetchers may use seconds
    private static Instant instant(Object claim) {
        return switch (claim) {
            case Date d -> d.toInstant();
            case Instant i -> i;
            case Number n -> Instant.ofEpochSecond(n.longValue());
            case null, default -> null;
        };
    }
}
