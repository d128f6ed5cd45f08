package org.citygrid.api.notifications;

import jakarta.inject.Singleton;
import java.util.List;
import org.citygrid.api.push.Notifier;

/**
 * {@link PersonNotifications} as push messages to every registered device of the person, through the API's
 * one push path ({@link Notifier}: recorded in api.push_intents, sent once per message key and device).
 * Title and body carry both languages, Chinese first.
 */
@Singleton
final class PushedPersonNotifications implements PersonNotifications {

    private final Notifier notifier;

    PushedPersonNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void tell(PersonMessage message) {
        notifier.toPeople(message.key(), List.of(message.accountId()), message.titleZh() + " / " + message.titleEn(),
                message.bodyZh() + " / " + message.bodyEn(), message.data());
    }
}
