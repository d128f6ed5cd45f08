package org.citygrid.api.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * A database call failed; surfaces as a 500 problem, never as a half-done write.
 *
 * <p>{@link #transientFailure()} tells a failure of the database's reachability (it went away, is
 * starting or shutting down, is out of connections, or gave up a transaction to a deadlock) from a
 * failure of the statement itself (a value it refuses, a constraint): only the store sees the
 * SQLState, so it says which, and a caller that retries (a topic reader) waits out the first kind
 * for as long as it lasts and gives up on the second after a few tries.
 */
public class DataAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * SQLState classes and codes that say "try again later" (PostgreSQL appendix A): 08 connection
     * exception, 53 insufficient resources, 57P01–57P03 shutting down or starting, 40001
     * serialization failure, 40P01 deadlock, 55P03 lock not available.
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53");
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01", "55P03");

    private final boolean transientFailure;

    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
        this.transientFailure = isTransient(cause);
    }

    /** Whether the database could not be used just now, as opposed to refusing what was asked of it. */
    public boolean transientFailure() {
        return transientFailure;
    }

    private static boolean isTransient(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                // the pool's "connection is not available" is an SQLTransientConnectionException
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (TRANSIENT_STATES.contains(state) || state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2))) {
                    return true;
                }
            }
        }
        return false;
    }
}
