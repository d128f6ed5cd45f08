package org.citygrid.api.kafka;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import org.apache.kafka.common.errors.RetriableException;
import org.citygrid.api.errors.Unavailable;
import org.citygrid.api.persistence.DataAccessException;

/**
 * Whether a handler's failure is the world's (the database or the broker away for a while: wait,
 * however long it takes, and try the same record again) or the record's (it will fail the same way
 * every time: give up after a few tries and set it aside).
 *
 * <p>Only failures known to be about reaching something count as the world's: a
 * {@link DataAccessException} the store calls transient (it sees the SQLState: connection lost,
 * server starting or stopping, out of connections, deadlock), a broker that did not acknowledge
 * ({@link Unavailable}, Kafka's {@link RetriableException}), and a connection refused or timed out.
 * Everything else, a bug included, is the record's: a reader that waited on an unknown failure for
 * ever would be the poison record's hostage again, while one that sets aside a record during an
 * outage of a kind not listed here loses nothing (an operator replays it).
 */
public final class ReaderFailures {

    private static final int MAX_DEPTH = 20;

    private ReaderFailures() {
    }

    /** Whether {@code failure} (or what caused it) says "try again later" rather than "this record is bad". */
    public static boolean isTransient(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessException d) {
                return d.transientFailure();
            }
            if (t instanceof Unavailable || t instanceof RetriableException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                    || t instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }
}
