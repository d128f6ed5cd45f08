package org.citygrid.api.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.citygrid.api.accounts.CurrentUser;
import org.citygrid.api.errors.Forbidden;
import org.citygrid.api.errors.Invalid;
import org.citygrid.api.errors.NotFound;
import org.citygrid.api.idempotency.Idempotency;
import org.citygrid.api.kafka.GridPublisher;
import org.citygrid.api.photos.PhotoStore;
import org.citygrid.api.ratelimit.RateLimiter;
import org.citygrid.api.ratelimit.RateLimits;
import org.citygrid.api.readmodel.CaseReadModel;
import org.citygrid.api.readmodel.CaseScope;
import org.citygrid.api.reports.Accepted;
import org.citygrid.api.validation.Texts;
import org.citygrid.model.cases.CaseAction;
import org.citygrid.model.cases.CaseCommand;
import org.citygrid.model.cases.CaseDecider;
import org.citygrid.model.cases.CommandRoles;
import org.citygrid.model.cases.Evidence;
import org.citygrid.model.text.TextRule;
import org.citygrid.model.text.TextRules;
import org.citygrid.model.wire.WireCodec;
import org.citygrid.model.wire.WireFormatException;
import org.citygrid.model.wire.WireJson;

/**
 * A person's step on a case (accept, return, check, dispatch...) as a case command on grid.commands.
 * The action is decoded by grid-model's wire codec, so its fields are exactly those of
 * docs/wire-formats.md; this class adds who may ask (grid-model's {@link CommandRoles}) and on which
 * cases ({@link CaseScope}). Whether the step fits the case now (its state, who handled or reported
 * it) is the case cycle's decision, on the case as it is, not as the read model last showed it: a
 * refusal comes back on grid.command-rejections and shows on the command's status. Only the refusals
 * the read model catching up cannot change (a worker verifying their own report, checking their own
 * work: {@link SettledRefusals}) are answered at once, 403, by running the same decider on the case as
 * the read model has it. The case view lists the steps the decider would take ({@link CaseViews}), so
 * clients need not guess.
 */
@Singleton
public class CommandService {

    /** Actions people never send: the case cycle's own clocks and intake. */
    private static final List<String> SYSTEM_ONLY = List.of("Report", "ClearAlarm", "WarnDeadline", "MarkOverdue", "Escalate");
    /** The fields of an action in which people write: docs/wire-formats.md's reason, note and comment. */
    private static final List<String> FREE_TEXT = List.of("reason", "note", "comment");

    private final CaseReadModel readModel;
    private final GridPublisher publisher;
    private final CommandRepository commands;
    private final PhotoStore photos;
    private final Idempotency idempotency;
    private final CaseDecider decider;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    CommandService(CaseReadModel readModel, GridPublisher publisher, CommandRepository commands, PhotoStore photos,
                   Idempotency idempotency, CaseDecider decider, @Named(RateLimits.CASE_ACTIONS) RateLimiter rateLimiter,
                   Clock clock) {
        this.readModel = readModel;
        this.publisher = publisher;
        this.commands = commands;
        this.photos = photos;
        this.idempotency = idempotency;
        this.decider = decider;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    /** Sends the action once per Idempotency-Key of its sender; 202 with where to follow the command. */
    public Idempotency.Reply send(CurrentUser user, String caseId, String key, JsonNode body) {
        return idempotency.once(user.id(), key, List.of(caseId, body), seed -> {
            // counted only for new requests: a retried step is not a second step
            rateLimiter.check(user.id());
            CaseCommand command = decode(user, caseId, "cmd-" + seed, body);
            if (!CommandRoles.allowed(command.action()).contains(user.role())) {
                throw new Forbidden("role-not-allowed", "Not allowed for your role",
                        user.role() + " may not " + command.action().getClass().getSimpleName());
            }
            if (readModel.byId(caseId).filter(row -> CaseScope.sees(user, row)).isEmpty()) {
                throw new NotFound("no case " + caseId + " in your scope");
            }
            CaseCommand checked = withOwnEvidence(user, command);
            ReadModelCases.rebuild(readModel, caseId).flatMap(c -> SettledRefusals.of(decider, c, checked))
                    .ifPresent(refusal -> {
                        throw refusal;
                    });
            commands.insert(checked, clock.instant());
            try {
                publisher.command(checked);
            } catch (RuntimeException e) {
                commands.delete(checked.commandId());
                throw e;
            }
            String follow = "/api/v1/commands/" + checked.commandId();
            return Idempotency.Answer.accepted(follow, new Accepted(checked.commandId(), "PENDING", follow));
        });
    }

    private CaseCommand decode(CurrentUser user, String caseId, String commandId, JsonNode body) {
        if (body == null || !body.isObject() || !body.path("type").isTextual()) {
            throw Invalid.field("type", "an action is a JSON object with a \"type\", e.g. {\"type\": \"Accept\"}");
        }
        if (SYSTEM_ONLY.contains(body.path("type").asText())) {
            throw new Forbidden("role-not-allowed", "Not allowed for your role",
                    body.path("type").asText() + " is sent by the case cycle itself, not through the API");
        }
        ObjectNode action = ((ObjectNode) body).deepCopy();
        body.properties().forEach(field -> {
            if (field.getValue().isTextual()) {
                action.put(field.getKey(), Texts.accept(textRule(field.getKey()), field.getValue().asText()));
            }
        });
        JsonNode expectedVersion = action.remove("expectedVersion");
        ObjectNode command = JsonNodeFactory.instance.objectNode();
        command.put(WireCodec.VERSION_FIELD, WireCodec.commands().version());
        command.put("commandId", commandId);
        command.put("caseId", caseId);
        command.set("actor", WireJson.mapper().valueToTree(user.actor()));
        command.put("at", clock.instant().toString());
        if (expectedVersion != null) {
            command.set("expectedVersion", expectedVersion);
        }
        command.set("action", action);
        try {
            return WireCodec.commands().fromTree(command);
        } catch (WireFormatException e) {
            throw new Invalid("invalid-action", "Invalid action",
                    e.getMessage().replace("case command at action.", "").replace("case command at ", ""));
        }
    }

    /**
     * The text rule of an action's field: what people write on a step (a reason, a note, a rating's comment) is
     * a note; every other text of an action (its type, a department, a duration) is a one-line label, which the
     * codec then reads.
     */
    private static TextRule textRule(String field) {
        return FREE_TEXT.contains(field) ? TextRules.note().named(field) : TextRules.label().named(field);
    }

    /** Evidence must be photos the sender uploaded; their media type is the one sniffed on upload. */
    private CaseCommand withOwnEvidence(CurrentUser user, CaseCommand command) {
        List<Evidence> claimed = switch (command.action()) {
            case CaseAction.ReportHandled h -> h.evidence();
            case CaseAction.Check c -> c.evidence();
            case CaseAction.Verify v -> v.evidence();
            default -> List.of();
        };
        if (claimed.isEmpty()) {
            return command;
        }
        List<Evidence> own = photos.ownedBy(user.id(), claimed.stream().map(Evidence::ref).toList());
        if (own.size() != claimed.size()) {
            throw Invalid.field("evidence", "every photo must be one you uploaded with POST /api/v1/photos");
        }
        CaseAction action = switch (command.action()) {
            case CaseAction.ReportHandled h -> new CaseAction.ReportHandled(h.note(), own);
            case CaseAction.Check c -> new CaseAction.Check(c.passed(), c.note(), own);
            case CaseAction.Verify v -> new CaseAction.Verify(v.found(), v.note(), own);
            default -> command.action();
        };
        return new CaseCommand(command.commandId(), command.caseId(), command.actor(), command.at(),
                command.expectedVersion(), action);
    }

    /** Where a command stands for its sender: PENDING, APPLIED (with the case version) or REJECTED (with why). */
    public CommandStatus status(CurrentUser user, String commandId) {
        CommandRepository.SentCommand sent = commands.find(commandId).filter(c -> c.accountId().equals(user.id()))
                .orElseThrow(() -> new NotFound("no command " + commandId + " of yours"));
        if (sent.rejectionReason() != null) {
            return new CommandStatus(commandId, sent.caseId(), sent.actionType(), "REJECTED", null,
                    sent.rejectionReason(), sent.rejectionMessage());
        }
        return readModel.appliedVersion(commandId)
                .map(v -> new CommandStatus(commandId, sent.caseId(), sent.actionType(), "APPLIED", v, null, null))
                .orElseGet(() -> new CommandStatus(commandId, sent.caseId(), sent.actionType(), "PENDING", null, null, null));
    }
}
