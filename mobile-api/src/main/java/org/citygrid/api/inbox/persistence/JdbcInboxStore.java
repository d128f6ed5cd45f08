package org.citygrid.api.inbox.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.citygrid.api.inbox.InboxEntry;
import org.citygrid.api.inbox.InboxStore;
import org.citygrid.api.persistence.DataAccessException;
import org.citygrid.api.persistence.Jdbc;
import org.citygrid.model.category.LocalizedText;

/**
 * {@link InboxStore} in api.inbox. An addition and its signal are one statement: the rows inserted
 * are announced with {@code pg_notify} on {@value PgInboxSignals#CHANNEL} (delivered at commit, so a
 * listener never hears of a row it cannot read yet).
 */
@Singleton
final class JdbcInboxStore implements InboxStore {

    private static final String COLUMNS = "id, message_key, case_id, what, title_zh, title_en, body_zh, body_en, "
            + "data::text, at, delivered_at, read_at";
    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {
    };

    private final Jdbc jdbc;
    private final ObjectMapper mapper;

    JdbcInboxStore(DataSource dataSource, ObjectMapper mapper) {
        this.jdbc = new Jdbc(dataSource);
        this.mapper = mapper;
    }

    @Override
    public List<Added> add(List<String> accountIds, InboxEntry e, Instant deliveredAt) {
        String data;
        try {
            data = mapper.writeValueAsString(e.data());
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("inbox data that is not JSON: " + e.data(), ex);
        }
        // only accounts that exist: a case's followers include sensors, and a closed account hears nothing
        return jdbc.list("cannot add to inboxes", """
                WITH added AS (
                  INSERT INTO api.inbox (account_id, message_key, case_id, what, title_zh, title_en, body_zh, body_en,
                                         data, at, delivered_at)
                  SELECT a.id, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ? FROM api.accounts a WHERE a.id = ANY (?)
                  ON CONFLICT (account_id, message_key) DO NOTHING
                  RETURNING id, account_id)
                SELECT id, account_id, pg_notify('%s', account_id || ' ' || id) FROM added ORDER BY id"""
                        .formatted(PgInboxSignals.CHANNEL),
                rs -> new Added(rs.getLong(1), rs.getString(2)),
                e.key(), e.caseId(), e.what(), e.title().zh(), e.title().en(), e.body().zh(), e.body().en(), data,
                Timestamp.from(e.at()), Timestamp.from(deliveredAt), accountIds);
    }

    @Override
    public List<Stored> page(String accountId, Long before, int limit) {
        return before == null
                ? jdbc.list("cannot read an inbox", "SELECT " + COLUMNS + " FROM api.inbox WHERE account_id = ? "
                + "ORDER BY id DESC LIMIT ?", this::stored, accountId, limit)
                : jdbc.list("cannot read an inbox", "SELECT " + COLUMNS + " FROM api.inbox WHERE account_id = ? "
                + "AND id < ? ORDER BY id DESC LIMIT ?", this::stored, accountId, before, limit);
    }

    @Override
    public Optional<Stored> one(String accountId, long id) {
        return jdbc.first("cannot read an inbox", "SELECT " + COLUMNS + " FROM api.inbox WHERE account_id = ? AND id = ?",
                this::stored, accountId, id);
    }

    @Override
    public int unread(String accountId) {
        return jdbc.first("cannot count unread messages",
                "SELECT count(*) FROM api.inbox WHERE account_id = ? AND read_at IS NULL",
                rs -> rs.getInt(1), accountId).orElse(0);
    }

    @Override
    public boolean markRead(String accountId, long id, Instant at) {
        // the entry exists and is the account's: read before or now
        return jdbc.first("cannot mark a message read", """
                WITH marked AS (UPDATE api.inbox SET read_at = coalesce(read_at, ?) WHERE account_id = ? AND id = ?
                                RETURNING id)
                SELECT count(*) FROM marked""", rs -> rs.getInt(1) == 1, Timestamp.from(at), accountId, id)
                .orElse(false);
    }

    @Override
    public int markAllRead(String accountId, Instant at) {
        return jdbc.update("cannot mark messages read",
                "UPDATE api.inbox SET read_at = ? WHERE account_id = ? AND read_at IS NULL", Timestamp.from(at), accountId);
    }

    private Stored stored(ResultSet rs) throws SQLException {
        Map<String, String> data;
        try {
            data = mapper.readValue(rs.getString(9), DATA);
        } catch (JsonProcessingException e) {
            throw new DataAccessException("unreadable data in inbox entry " + rs.getLong(1), e);
        }
        InboxEntry entry = new InboxEntry(rs.getString(2), rs.getString(3), rs.getString(4),
                LocalizedText.of(rs.getString(5), rs.getString(6)), LocalizedText.of(rs.getString(7), rs.getString(8)),
                data, rs.getTimestamp(10).toInstant());
        Timestamp read = rs.getTimestamp(12);
        return new Stored(rs.getLong(1), entry, rs.getTimestamp(11).toInstant(), read == null ? null : read.toInstant());
    }
}
