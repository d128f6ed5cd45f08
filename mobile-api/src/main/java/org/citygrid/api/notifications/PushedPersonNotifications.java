package org.citygrid.api.notifications;

import jakarta.inject.Singleton;
import java.util.List;
import org.citygrid.api.push.Notifier;
import org.citygrid.model.category.LocalizedText;

/**
 * {@link PersonNotifications} as push messages to every registered device of the person, through the API's
 * one push path ({@link Notifier}: recorded in api.push_intents, sent once per message key and device).
 * Title and body in both languages: each device gets the one its person chose (Chinese unless English).
 */
@Singleton
final class PushedPersonNotifications implements PersonNotifications {

    private final Notifier notifier;

    PushedPersonNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void tell(PersonMessage message) {
        notifier.toPeople(message.key(), List.of(message.accountId()), new LocalizedText(message.titleZh(), message.titleEn()),
                new LocalizedText(message.bodyZh(), message.bodyEn()), message.data());
    }
}
