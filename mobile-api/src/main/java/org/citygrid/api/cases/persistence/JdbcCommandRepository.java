package org.citygrid.api.cases.persistence;

import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.citygrid.api.cases.CommandRepository;
import org.citygrid.api.persistence.Jdbc;
import org.citygrid.model.cases.CaseCommand;
import org.citygrid.model.cases.CommandRejected;

/** {@link CommandRepository} in api.commands and api.command_rejections. */
@Singleton
final class JdbcCommandRepository implements CommandRepository {

    private final Jdbc jdbc;

    JdbcCommandRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void insert(CaseCommand command, Instant now) {
        jdbc.update("cannot write commands",
                "INSERT INTO api.commands (command_id, case_id, account_id, action_type, created_at) VALUES (?,?,?,?,?) "
                        + "ON CONFLICT (command_id) DO NOTHING",
                command.commandId(), command.caseId(), command.actor().id(),
                command.action().getClass().getSimpleName(), Timestamp.from(now));
    }

    @Override
    public void delete(String commandId) {
        jdbc.update("cannot write commands", "DELETE FROM api.commands WHERE command_id = ?", commandId);
    }

    @Override
    public void reject(CommandRejected r) {
        jdbc.update("cannot write commands",
                "INSERT INTO api.command_rejections (command_id, case_id, reason, message, at) VALUES (?,?,?,?,?) "
                        + "ON CONFLICT (command_id) DO NOTHING",
                r.commandId(), r.caseId(), r.reason().name(), r.message(), Timestamp.from(r.at()));
    }

    @Override
    public Optional<SentCommand> find(String commandId) {
        return jdbc.first("cannot read command " + commandId,
                "SELECT c.command_id, c.case_id, c.account_id, c.action_type, c.created_at, r.reason, r.message "
                        + "FROM api.commands c LEFT JOIN api.command_rejections r USING (command_id) WHERE c.command_id = ?",
                rs -> new SentCommand(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7)),
                commandId);
    }
}
