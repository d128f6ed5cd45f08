package org.citygrid.cloud.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.citygrid.cloud.keys.CaseIds;
import org.citygrid.cloud.ledger.CaseOutput;
import org.citygrid.cloud.ledger.InputLimit;
import org.citygrid.model.cases.CaseAction;
import org.citygrid.model.cases.CaseCommand;
import org.citygrid.model.cases.CommandRejected;
import org.citygrid.model.cases.RejectionReason;
import org.citygrid.model.wire.WireCodec;
import org.citygrid.model.wire.WireFormatException;
import org.citygrid.model.wire.WireJson;

/**
 * Reads a command from {@code grid.commands} and checks what must hold before it can be routed to
 * its case's partition: it is a valid v1 command, and its case id starts with a grid code (else
 * no such case can exist). A command that fails is refused on {@code grid.command-rejections}
 * with the payload as received. So is a command larger than {@link InputLimit#MAX_RECORD_BYTES}.
 */
public final class CommandCheck {

    /** A command ready for its case, or the refusal to publish instead. */
    public sealed interface Result {
        record Valid(CaseCommand command) implements Result {
        }

        record Invalid(CaseOutput.CommandRefused refusal) implements Result {
        }
    }

    private CommandCheck() {
    }

    /** @param at when the command reached Kafka */
    public static Result check(String key, byte[] bytes, Instant at) {
        String payload = bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        CaseCommand command;
        try {
            String tooLarge = InputLimit.problem(bytes, "command");
            if (tooLarge != null) {
                throw new WireFormatException(tooLarge);
            }
            command = WireCodec.commands().read(bytes);
        } catch (WireFormatException e) {
            JsonNode tree = tree(payload);
            String commandId = text(tree, "commandId");
            String caseId = text(tree, "caseId");
            return new Result.Invalid(new CaseOutput.CommandRefused(new CommandRejected(commandId,
                    caseId != null ? caseId : key, null, at, RejectionReason.INVALID_VALUE, e.getMessage()), payload));
        }
        if (CaseIds.gridOf(command.caseId()).isEmpty()) {
            return refuse(command, RejectionReason.UNKNOWN_CASE, "there is no case " + command.caseId()
                    + ": case ids start with the grid code of the case", payload);
        }
        if (command.action() instanceof CaseAction.Report r
                && !command.caseId().startsWith(r.details().gridCode())) {
            return refuse(command, RejectionReason.INVALID_VALUE, "a new case's id starts with its grid code "
                    + r.details().gridCode() + "; " + command.caseId() + " does not", payload);
        }
        return new Result.Valid(command);
    }

    private static Result refuse(CaseCommand command, RejectionReason reason, String message, String payload) {
        return new Result.Invalid(new CaseOutput.CommandRefused(new CommandRejected(command.commandId(),
                command.caseId(), command.actor(), command.at(), reason, message), payload));
    }

    private static JsonNode tree(String payload) {
        try {
            return payload == null ? null : WireJson.mapper().readTree(payload);
        } catch (Exception notJson) {
            return null;
        }
    }

    private static String text(JsonNode tree, String field) {
        if (tree == null || !tree.path(field).isTextual()) {
            return null;
        }
        return tree.path(field).asText();
    }
}
