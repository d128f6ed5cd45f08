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
}
