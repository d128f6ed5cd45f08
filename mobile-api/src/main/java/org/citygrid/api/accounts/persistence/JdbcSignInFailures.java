package org.citygrid.api.accounts.persistence;

import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.citygrid.api.accounts.SignInFailures;
import org.citygrid.api.persistence.Jdbc;

/** {@link SignInFailures} in api.sign_in_failures: one row per account with failures, counted by one statement. */
@Singleton
final class JdbcSignInFailures implements SignInFailures {

    private final Jdbc jdbc;

    JdbcSignInFailures(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Count count(String accountId, Instant now) {
        return jdbc.first("cannot read sign-in failures",
                        "SELECT failures, window_end FROM api.sign_in_failures WHERE account_id = ? AND window_end > ?",
                        rs -> new Count(rs.getInt(1), rs.getTimestamp(2).toInstant()), accountId, Timestamp.from(now))
                .orElse(Count.NONE);
    }

    @Override
    public Count record(String accountId, Instant now, Duration window) {
        Timestamp at = Timestamp.from(now);
        // an ended window starts again at 1: the same statement, so two instances never both start one
        return jdbc.first("cannot count a failed sign-in",
                "INSERT INTO api.sign_in_failures AS f (account_id, failures, window_end) VALUES (?, 1, ?) "
                        + "ON CONFLICT (account_id) DO UPDATE SET "
                        + "failures = CASE WHEN f.window_end <= ? THEN 1 ELSE f.failures + 1 END, "
                        + "window_end = CASE WHEN f.window_end <= ? THEN EXCLUDED.window_end ELSE f.window_end END "
                        + "RETURNING failures, window_end",
                rs -> new Count(rs.getInt(1), rs.getTimestamp(2).toInstant()),
                accountId, Timestamp.from(now.plus(window)), at, at).orElseThrow();
    }

    @Override
    public void clear(String accountId) {
        jdbc.update("cannot clear sign-in failures", "DELETE FROM api.sign_in_failures WHERE account_id = ?", accountId);
    }
}
