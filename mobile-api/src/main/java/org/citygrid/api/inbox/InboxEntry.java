package org.citygrid.api.inbox;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.citygrid.model.category.LocalizedText;

/**
 * One message as it goes into people's inboxes: written in both languages, so that the inbox shows
 * each person exactly what was sent, in the language they read it in.
 *
 * @param key    what the message is for; a person's inbox holds one entry per key
 * @param caseId the case it is about
 * @param what   the kind of message (grid.notifications' vocabulary), for an app to pick an icon
 * @param data   what an app needs to open the case ({@code caseId}, {@code version}, {@code what}, {@code key})
 * @param at     when the step it tells of happened
 */
public record InboxEntry(String key, String caseId, String what, LocalizedText title, LocalizedText body,
                         Map<String, String> data, Instant at) {

    public InboxEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
        data = Map.copyOf(data);
    }
}
