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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.citygrid.api.accounts.AccountRepository;
import org.citygrid.api.kafka.TopicReader;
import org.citygrid.api.kafka.TopicReaders;
import org.citygrid.api.kafka.UnreadableRecord;
import org.citygrid.contracts.topics.TopicCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the case cycle's notification intents ({@code grid.notifications}, docs/cloud-backend.md) as push
 * messages to the people who must act: a handler or a department's handlers (tasks, withdrawals, rework,
 * extension answers, suspensions, deadlines), the grid workers of a grid (verify a report, check work on site)
 * and a community's topic (a problem taken up, a problem fixed).
 *
 * <p>Two kinds of intent are left to others. What a reporter is told about their own case is pushed by
 * {@link CaseEventNotifier} from the case events, with the reasons an intent does not carry; pushing the intent
 * too would tell them twice. And the desks of the two centres ({@code ROLE} audiences) work from the operators'
 * lists and live stream, not from phones.
 */
@Singleton
@Requires(property = "citygrid.push.intents.enabled", notEquals = "false")
class IntentPusher {

    private static final Logger LOG = LoggerFactory.getLogger(IntentPusher.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Notifier notifier;
    private final AccountRepository accounts;
    private final TopicReader reader;

    IntentPusher(Notifier notifier, AccountRepository accounts, TopicReaders readers,
                 @Value("${citygrid.topics.notifications:" + TopicCatalogue.Names.NOTIFICATIONS + "}") String topic,
                 @Value("${citygrid.push.intents.group:citygrid-mobile-api-intents}") String group,
                 @Value("${citygrid.push.intents.start:latest}") String start) {
        this.notifier = notifier;
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
        IntentMessages.Message message = IntentMessages.of(what, kind, intent).orElse(null);
        if (message == null) {
            return;
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("caseId", intent.path("caseId").asText());
        data.put("version", intent.path("caseVersion").asText());
        String intentId = intent.path("intentId").asText();
        data.put("intentId", intentId);
        data.put("what", what);
        String key = "intent:" + intentId;
        switch (kind) {
            case "USER" -> notifier.toPeople(key, List.of(id), message.title(), message.body(), data);
            case "DEPARTMENT" -> notifier.toPeople(key, accounts.handlersOf(id), message.title(), message.body(), data);
            case "GRID" -> notifier.toPeople(key, accounts.workersCovering(id), message.title(), message.body(), data);
            case "COMMUNITY" -> notifier.toCommunity(key, id, message.title(), message.body(), data);
            default -> LOG.debug("intent {} for audience {} is not pushed", what, kind);
        }
    }

    @PreDestroy
    void close() {
        reader.close();
    }
}
