package org.citygrid.api.accounts;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed sign-ins per account (api.sign_in_failures), counted in one fixed window from the first
 * failure. The table is shared by every instance, so the count holds whichever instance and address
 * a guesser uses.
 */
public interface SignInFailures {

    /** The account's count as it stands at {@code now}; zero failures once the window has ended. */
    Count count(String accountId, Instant now);

    /** Counts one failure at {@code now}, opening a window of {@code window} if none is open. */
    Count record(String accountId, Instant now, Duration window);

    /** Forgets the account's failures: it signed in. */
    void clear(String accountId);

    /** Failures in the window that ends at {@code windowEnd}. */
    record Count(int failures, Instant windowEnd) {

        public static final Count NONE = new Count(0, Instant.EPOCH);
    }
}
