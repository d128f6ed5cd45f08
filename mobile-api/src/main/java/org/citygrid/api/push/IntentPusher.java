package org.citygrid.api.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.citygrid.api.accounts.AccountRepository;
import org.citygrid.api.kafka.TopicReader;
import org.citygrid.api.kafka.TopicReaders;
import org.citygrid.api.kafka.UnreadableRecord;
import org.citygrid.contracts.topics.TopicCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the case cycle's notification intents ({@code grid.notifications} v1, docs/wire-formats.md)
 * to the people who must act, found from their accounts, through {@link Delivery} (their inbox, their
 * open app, their phones): a handler or a department's handlers (tasks, withdrawals, rework, extension
 * answers, suspensions, deadlines), the grid workers of a grid (verify a report, check work on site), and
 * a community's public topic (a problem taken up, a problem fixed).
 *
 * <p>Two kinds of intent are left to others. What a reporter is told about their own case comes from
 * {@link CaseEventNotifier}, with the reasons a v1 intent does not carry; delivering the intent too would
 * tell them twice. And the desks of the two centres ({@code ROLE} audiences) work from the operators'
 * lists and live stream, not from phones. Records of other versions are skipped (v2, one record per
 * event with every audience, replaces both readers once this one reads it).
 */
@Singleton
@Requires(property = "citygrid.push.intents.enabled", notEquals = "false")
class IntentPusher {

    private static final Logger LOG = LoggerFactory.getLogger(IntentPusher.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Told to a case's reporters by {@link CaseEventNotifier}, from the events themselves. */
    private static final Set<String> FOR_REPORTERS = Set.of("REPORT_RECEIVED", "REPORT_MERGED", "CASE_FILED",
            "CASE_DISMISSED", "CASE_DISPATCHED", "CASE_IN_PROGRESS", "CASE_HANDLED", "CASE_CLOSED", "CASE_VOIDED");

    private final Delivery delivery;
    private final AccountRepository accounts;
    private final TopicReader reader;

    IntentPusher(Delivery delivery, AccountRepository accounts, TopicReaders readers,
                 @Value("${citygrid.topics.notifications:" + TopicCatalogue.Names.NOTIFICATIONS + "}") String topic,
                 @Value("${citygrid.push.intents.group:citygrid-mobile-api-intents}") String group,
                 @Value("${citygrid.push.intents.start:latest}") String start) {
        this.delivery = delivery;
        this.accounts = accounts;
        // "latest" by default, as for case events: a new deployment does not replay old tasks at people's phones
        this.reader = readers.inGroup("intent-push", topic, group, start, this::handle);
    }

    @EventListener
    void start(StartupEvent event) {
        reader.start();
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        JsonNode intent;
        try {
            intent = JSON.readTree(record.value());
        } catch (IOException | RuntimeException e) {
            // set aside as a dead letter at once: the same bytes would fail the same way again
            throw new UnreadableRecord("not a notification intent: " + e.getMessage(), e);
        }
        if (intent == null || !intent.path("v").isInt()) {
            throw new UnreadableRecord("a notification intent without a version", null);
        }
        if (intent.path("v").asInt() != 1) {
            // a later version, written beside v1 while readers switch (docs/wire-formats.md): not this reader's,
            // and not a poison record either
            LOG.debug("passing over a notification of version {} at offset {}", intent.path("v").asInt(), record.offset());
            return;
        }
        String what = intent.path("what").asText();
        String kind = intent.path("audience").path("kind").asText();
        String id = intent.path("audience").path("id").asText();
        if ("ROLE".equals(kind) || "USER".equals(kind) && FOR_REPORTERS.contains(what)) {
            return;
        }
        CaseMessage message;
        try {
            message = new CaseMessage(CaseMessage.INTENT + intent.path("intentId").asText(), what,
                    "COMMUNITY".equals(kind) ? CaseMessage.Reader.PUBLIC : CaseMessage.Reader.STAFF,
                    intent.path("caseId").asText(), intent.path("caseVersion").asLong(), instant(intent, "at"),
                    text(intent, "categoryCode"), text(intent, "gridCode"), text(intent, "department"),
                    intent.hasNonNull("deadline") ? instant(intent, "deadline") : null, null, null);
        } catch (DateTimeParseException | NullPointerException e) {
            LOG.warn("skipping notification intent at offset {} without its fields: {}", record.offset(), e.getMessage());
            return;
        }
        switch (kind) {
            case "USER" -> delivery.toPeople(List.of(id), message);
            case "DEPARTMENT" -> delivery.toPeople(accounts.handlersOf(id), message);
            case "GRID" -> delivery.toPeople(accounts.workersCovering(id), message);
            case "COMMUNITY" -> delivery.toCommunity(id, message);
            default -> LOG.debug("intent {} for audience {} is not delivered", what, kind);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.path(field).asText(null));
    }

    @PreDestroy
    void close() {
        reader.close();
    }
}
