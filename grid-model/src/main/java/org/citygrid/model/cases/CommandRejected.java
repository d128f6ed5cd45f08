package org.citygrid.model.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * A refused command as published on the command-rejections topic: the API matches it to the
 * request by {@code commandId} and shows the message to the person who asked.
 */
public record CommandRejected(String commandId, String caseId, Actor actor, Instant at, RejectionReason reason,
                              String message) {

    public CommandRejected {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    public static CommandRejected of(CaseCommand command, Rejection rejection) {
        return new CommandRejected(command.commandId(), command.caseId(), command.actor(), command.at(),
                rejection.reason(), rejection.message());
    }
}
