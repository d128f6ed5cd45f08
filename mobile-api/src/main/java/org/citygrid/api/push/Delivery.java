package org.citygrid.api.push;

import jakarta.inject.Singleton;
import java.util.List;
import org.citygrid.api.inbox.Inbox;
import org.citygrid.api.inbox.InboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a message reaches people: into each person's inbox (so it is kept and listed, and
 * shown at once in an app that is open, on whichever instance it is connected to) and pushed to
 * their phones, in each phone's language; or, for a community, to its public topic. Whatever feeds
 * it (the case cycle's notifications, {@link NotificationReader}) only says who and what.
 *
 * <p>Both steps tolerate a repeat (a record read again after a crash): the inbox keeps one entry per
 * person and {@link CaseMessage#key}, and {@link Notifier} skips targets already served.
 */
@Singleton
public class Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final Inbox inbox;
    private final Notifier notifier;
    private final MessageTexts texts;

    Delivery(Inbox inbox, Notifier notifier, MessageTexts texts) {
        this.inbox = inbox;
        this.notifier = notifier;
        this.texts = texts;
    }

    /** Tells these people (account ids; ids that are no account, such as a sensor's, are passed over). */
    public void toPeople(List<String> accountIds, CaseMessage message) {
        if (accountIds.isEmpty()) {
            return;
        }
        MessageTexts.Text text = texts.of(message).orElse(null);
        if (text == null) {
            LOG.debug("{} is not told to {} readers", message.what(), message.reader());
            return;
        }
        inbox.deliver(accountIds, new InboxEntry(message.key(), message.caseId(), message.what(), text.title(),
                text.body(), message.data(), message.at()));
        notifier.toPeople(message.key(), accountIds, text.title(), text.body(), message.data());
    }

    /** Tells a community through its public topic (notices have their own list; no inbox holds this). */
    public void toCommunity(String communityCode, CaseMessage message) {
        texts.of(message).ifPresent(text -> notifier.toCommunity(message.key(), communityCode, text.title().zh(),
                text.body().zh(), message.data()));
    }
}
