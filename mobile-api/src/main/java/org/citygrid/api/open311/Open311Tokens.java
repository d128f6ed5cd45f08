package org.citygrid.api.open311;

import java.time.Instant;

/** The tokens given to Open311 POSTs, with the key that posted each (api.open311_requests). */
public interface Open311Tokens {

    /** Records {@code token}; a token recorded before stays as it was. */
    void remember(String token, String keyId, Instant at);

    boolean knows(String token);
}
