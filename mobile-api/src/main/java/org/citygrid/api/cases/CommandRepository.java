package org.citygrid.api.cases;

import java.time.Instant;
import java.util.Optional;
import org.citygrid.model.cases.CaseCommand;
import org.citygrid.model.cases.CommandRejected;

/** The commands people sent through the API and the case cycle's refusals of them (api.commands, api.command_rejections). */
public interface CommandRepository {

    /** Records a command before it is published; a command recorded before stays as it was. */
    void insert(CaseCommand command, Instant now);

    /** Forgets a command whose publishing failed, so that a retry starts clean. */
    void delete(String commandId);

    /** Records the case cycle's refusal; a refusal read again changes nothing. */
    void reject(CommandRejected r);

    Optional<SentCommand> find(String commandId);

    /** A command as sent, with the refusal if there was one. */
    record SentCommand(String commandId, String caseId, String accountId, String actionType, Instant sentAt,
                       String rejectionReason, String rejectionMessage) {
    }
}
