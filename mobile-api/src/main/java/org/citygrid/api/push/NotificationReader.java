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
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.citygrid.api.accounts.AccountRepository;
import org.citygrid.api.kafka.GridTopics;
import org.citygrid.api.kafka.TopicReader;
import org.citygrid.api.kafka.TopicReaders;
import org.citygrid.api.kafka.UnreadableRecord;
import org.citygrid.contracts.notify.CaseNotification;
import org.citygrid.contracts.notify.NotificationIntent.Audience;
import org.citygrid.contracts.topics.TopicCatalogue;
import org.citygrid.model.wire.WireCodec;
import org.citygrid.model.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the case cycle's notifications ({@code grid.notifications} v2, docs/wire-formats.md): each
 * record names everyone told of one case event and what, and this reader only finds the people behind
 * each audience and hands the message to {@link Delivery} (their inbox, their open app, their phones,
 * in each person's language). Who is told is decided once, in the case cycle.
 *
 * <p>Audiences: a {@code REPORTER} or {@code USER} is that person; a {@code DEPARTMENT} every handler
 * of it; a {@code GRID} the grid workers covering it (from their accounts); a {@code COMMUNITY} its
 * public topic. The desks ({@code ROLE}) work from the operators' lists and live stream, not from
 * phones. v1 records, which the case cycle may still write beside v2 ({@code CITYGRID_NOTIFICATIONS_V1}),
 * are passed over: they repeat what the v2 record already said.
 */
@Singleton
@Requires(property = "citygrid.push.intents.enabled", notEquals = "false")
class NotificationReader {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationReader.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Delivery delivery;
    private final AccountRepository accounts;
    private final TopicReader reader;

    // the settings keep v1's names (citygrid.push.intents.*): the consumer group, and so its offsets, stay
    // the same across the switch, and nothing is pushed twice or missed
    NotificationReader(Delivery delivery, AccountRepository accounts, TopicReaders readers, GridTopics topics,
                       @Value("${citygrid.push.intents.group:citygrid-mobile-api-intents}") String group,
                       @Value("${citygrid.push.intents.start:latest}") String start) {
        this.delivery = delivery;
        this.accounts = accounts;
        // "latest" by default: a new deployment does not replay old steps at people's phones
        this.reader = readers.inGroup("notifications", topics.getNotifications(), group, start, this::handle);
    }

    @EventListener
    void start(StartupEvent event) {
        reader.start();
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        JsonNode version;
        try {
            version = JSON.readTree(record.value()).path(WireCodec.VERSION_FIELD);
        } catch (IOException | RuntimeException e) {
            // set aside as a dead letter at once: the same bytes would fail the same way again
            throw new UnreadableRecord("not a notification: " + e.getMessage(), e);
        }
        if (!version.isInt()) {
            throw new UnreadableRecord("a notification without a version", null);
        }
        if (version.asInt() != CaseNotification.VERSION) {
            // v1, written beside v2 while readers switched: what it says, the v2 record said first
            LOG.debug("passing over a notification of version {} at offset {}", version.asInt(), record.offset());
            return;
        }
        CaseNotification notification;
        try {
            notification = TopicCatalogue.NOTIFICATIONS.read(record.value());
        } catch (WireFormatException e) {
            throw new UnreadableRecord("not a notification: " + e.getMessage(), e);
        }
        for (CaseNotification.Recipient recipient : notification.recipients()) {
            deliver(notification, recipient);
        }
    }

    private void deliver(CaseNotification n, CaseNotification.Recipient recipient) {
        Audience audience = recipient.audience();
        CaseMessage message = CaseMessage.of(n, recipient, switch (audience.kind()) {
            case REPORTER -> CaseMessage.Reader.REPORTER;
            case COMMUNITY -> CaseMessage.Reader.PUBLIC;
            default -> CaseMessage.Reader.STAFF;
        });
        switch (audience.kind()) {
            case REPORTER, USER -> delivery.toPeople(List.of(audience.id()), message);
            case DEPARTMENT -> delivery.toPeople(accounts.handlersOf(audience.id()), message);
            case GRID -> delivery.toPeople(accounts.workersCovering(audience.id()), message);
            case COMMUNITY -> delivery.toCommunity(audience.id(), message);
            case ROLE -> LOG.trace("{} for desk {} is the desks' lists' business", recipient.what(), audience.id());
        }
    }

    @PreDestroy
    void close() {
        reader.close();
    }
}
