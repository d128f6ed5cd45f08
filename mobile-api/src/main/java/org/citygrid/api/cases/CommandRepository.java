package org.citygrid.api.cases;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.citygrid.api.support.DataAccessException;
import org.citygrid.model.cases.CaseCommand;
import org.citygrid.model.cases.CommandRejected;

/** api.commands and api.command_rejections. */
@Singleton
public class CommandRepository {

    private final DataSource dataSource;

    CommandRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(CaseCommand command, Instant now) {
        update("INSERT INTO api.commands (command_id, case_id, account_id, action_type, created_at) VALUES (?,?,?,?,?) "
                        + "ON CONFLICT (command_id) DO NOTHING",
                command.commandId(), command.caseId(), command.actor().id(),
                command.action().getClass().getSimpleName(), Timestamp.from(now));
    }

    void delete(String commandId) {
        update("DELETE FROM api.commands WHERE command_id = ?", commandId);
    }

    public void reject(CommandRejected r) {
        update("INSERT INTO api.command_rejections (command_id, case_id, reason, message, at) VALUES (?,?,?,?,?) "
                        + "ON CONFLICT (command_id) DO NOTHING",
                r.commandId(), r.caseId(), r.reason().name(), r.message(), Timestamp.from(r.at()));
    }

    Optional<SentCommand> find(String commandId) {
        String sql = "SELECT c.command_id, c.case_id, c.account_id, c.action_type, c.created_at, r.reason, r.message "
                + "FROM api.commands c LEFT JOIN api.command_rejections r USING (command_id) WHERE c.command_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, commandId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new SentCommand(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read command " + commandId, e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot write commands", e);
        }
    }

    record SentCommand(String commandId, String caseId, String accountId, String actionType, Instant sentAt,
                       String rejectionReason, String rejectionMessage) {
    }
}
