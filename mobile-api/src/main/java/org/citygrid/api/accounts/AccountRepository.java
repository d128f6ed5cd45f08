package org.citygrid.api.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.citygrid.model.cases.Role;

/** The people who sign in (api.accounts). */
public interface AccountRepository {

    Optional<Account> byUsername(String username);

    Optional<Account> byId(String id);

    boolean anyWithRole(Role role);

    /** The enabled handlers of a department: who is told of its tasks. */
    List<String> handlersOf(String department);

    /** The enabled grid workers who cover a unit grid: who verifies and checks on site there. */
    List<String> workersCovering(String gridCode);

    /** Inserts the account; {@code false} when the user name is taken. */
    boolean insert(Account a, Instant now);

    /** Whether the account may act, read on each request (through a short cache); empty when there is no such account. */
    Optional<Standing> standing(String id);

    /**
     * Disables the account and cuts off every token issued before {@code now}: its refresh tokens are
     * revoked in the same transaction.
     *
     * @return {@code false} when there is no such account
     */
    boolean disable(String id, Instant now);

    /** Enables the account again; tokens cut off while it was disabled stay cut off. {@code false} when there is no such account. */
    boolean enable(String id);

    /**
     * Whether an account may act now.
     *
     * @param tokensValidAfter tokens issued before this instant no longer count ({@code null}: all do)
     */
    record Standing(boolean disabled, Instant tokensValidAfter) {
    }
}
