package org.citygrid.model.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * A request to change one case, as it travels on the commands topic.
 *
 * @param commandId       unique id chosen by the sender; the events and any rejection carry it
 *                        back so a client can follow what became of its request
 * @param caseId          the case the command is for (for {@link CaseAction.Report}, the new id)
 * @param actor           who asks
 * @param at              when the request was made; deadlines are computed from it
 * @param expectedVersion the case version the sender saw, or {@code null} to skip the check;
 *                        guards against acting on a case that changed meanwhile
 * @param action          what is asked
 */
public record CaseCommand(
        String commandId,
        String caseId,
        Actor actor,
        Instant at,
        Long expectedVersion,
        CaseAction action) {

    public CaseCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        if (commandId == null || commandId.isBlank()) {
            throw new IllegalArgumentException("a command needs an id");
        }
        if (caseId == null || caseId.isBlank()) {
            throw new IllegalArgumentException("a command needs a case id");
        }
    }

    public static CaseCommand of(String commandId, String caseId, Actor actor, Instant at, CaseAction action) {
        return new CaseCommand(commandId, caseId, actor, at, null, action);
    }
}
