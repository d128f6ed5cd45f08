package org.citygrid.api.deadletters.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.citygrid.api.deadletters.DeadLetterStore;
import org.citygrid.api.persistence.Jdbc;
import org.citygrid.contracts.deadletters.DeadLetter;

/** {@link DeadLetterStore} in api.dead_letters. */
@Singleton
final class JdbcDeadLetterStore implements DeadLetterStore {

    private static final String COLUMNS = "id, consumer, topic, partition, \"offset\", record_key, payload, reason, "
            + "attempts, set_aside_at, replayed_at, replayed_by";

    private final Jdbc jdbc;

    JdbcDeadLetterStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void record(DeadLetter letter) {
        jdbc.update("cannot keep dead letter " + letter.coordinates(),
                "INSERT INTO api.dead_letters (coordinates, consumer, topic, partition, \"offset\", record_key, payload, "
                        + "reason, attempts, set_aside_at) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (coordinates) DO NOTHING",
                text(letter.coordinates()), text(letter.consumer()), text(letter.topic()), letter.partition(),
                letter.offset(), text(letter.recordKey()), letter.payload(), text(letter.reason()), letter.attempts(),
                Timestamp.from(letter.at()));
    }

    @Override
    public Page page(int page, int size) {
        long total = jdbc.first("cannot count dead letters", "SELECT count(*) FROM api.dead_letters",
                rs -> rs.getLong(1)).orElse(0L);
        List<Stored> items = jdbc.list("cannot read dead letters", "SELECT " + COLUMNS + " FROM api.dead_letters "
                + "ORDER BY set_aside_at DESC, id DESC LIMIT ? OFFSET ?", JdbcDeadLetterStore::stored, size,
                (long) (page - 1) * size);
        return new Page(page, size, total, items);
    }

    @Override
    public Optional<Stored> find(long id) {
        return jdbc.first("cannot read dead letter " + id, "SELECT " + COLUMNS + " FROM api.dead_letters WHERE id = ?",
                JdbcDeadLetterStore::stored, id);
    }

    @Override
    public boolean claimReplay(long id, String by, Instant at) {
        return jdbc.update("cannot mark dead letter " + id + " replayed",
                "UPDATE api.dead_letters SET replayed_at = ?, replayed_by = ? WHERE id = ? AND replayed_at IS NULL",
                Timestamp.from(at), by, id) == 1;
    }

    @Override
    public void releaseReplay(long id) {
        jdbc.update("cannot unmark dead letter " + id,
                "UPDATE api.dead_letters SET replayed_at = NULL, replayed_by = NULL WHERE id = ?", id);
    }

    @Override
    public long waiting(Collection<String> consumers) {
        return jdbc.first("cannot count dead letters",
                "SELECT count(*) FROM api.dead_letters WHERE replayed_at IS NULL AND consumer = ANY (?)",
                rs -> rs.getLong(1), List.copyOf(consumers)).orElse(0L);
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        Timestamp replayed = rs.getTimestamp("replayed_at");
        DeadLetter letter = new DeadLetter(rs.getString("consumer"), rs.getString("topic"), rs.getInt("partition"),
                rs.getLong("offset"), rs.getString("record_key"), rs.getBytes("payload"), rs.getString("reason"),
                rs.getInt("attempts"), rs.getTimestamp("set_aside_at").toInstant());
        return new Stored(rs.getLong("id"), letter, replayed == null ? null : replayed.toInstant(),
                rs.getString("replayed_by"));
    }

    /**
     * A text column cannot hold NUL, and a dead letter is often about exactly such a record: its key or the
     * reason quoting it. The bytes themselves are kept whole in {@code payload}.
     */
    private static String text(String value) {
        return value == null ? null : value.replace('\u0000', '\uFFFD');
    }
}
