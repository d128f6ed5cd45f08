package org.citygrid.api.push.persistence;

import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.citygrid.api.persistence.Jdbc;
import org.citygrid.api.push.PushIntents;

/** {@link PushIntents} in api.push_intents. */
@Singleton
final class JdbcPushIntents implements PushIntents {

    private final Jdbc jdbc;

    JdbcPushIntents(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Set<String> servedBefore(String messageKey) {
        return new HashSet<>(jdbc.list("cannot look up earlier pushes of " + messageKey,
                "SELECT DISTINCT target FROM api.push_intents WHERE message_key = ? AND outcome <> 'FAILED'",
                rs -> rs.getString(1), messageKey));
    }

    @Override
    public void record(String messageKey, Intent intent, String dataJson) {
        jdbc.update("cannot record a push intent",
                "INSERT INTO api.push_intents (target, title, body, data, outcome, detail, created_at, message_key) "
                        + "VALUES (?,?,?,?::jsonb,?,?,?,?)",
                intent.target(), intent.title(), intent.body(), dataJson, intent.outcome(), intent.detail(),
                Timestamp.from(intent.at()), messageKey);
    }

    @Override
    public int purgeOlderThan(java.time.Instant before) {
        return jdbc.update("cannot purge push intents", "DELETE FROM api.push_intents WHERE created_at < ?",
                Timestamp.from(before));
    }

    @Override
    public List<Intent> latest(int limit) {
        return jdbc.list("cannot read push intents",
                "SELECT id, target, title, body, outcome, detail, created_at FROM api.push_intents ORDER BY id DESC LIMIT ?",
                rs -> new Intent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant()),
                limit);
    }
}
