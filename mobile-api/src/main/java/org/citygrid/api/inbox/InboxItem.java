package org.citygrid.api.inbox;

import java.time.Instant;
import java.util.Map;
import org.citygrid.api.i18n.Language;

/**
 * One message of a person's inbox as the app lists it, in the language asked for.
 *
 * @param id   the entry's id: mark it read with {@code POST /api/v1/notifications/{id}/read}
 * @param what the kind of message ({@code CASE_DISPATCHED}, {@code VERIFY_NEEDED}...)
 * @param at   when the step it tells of happened
 * @param read whether the person has read it
 * @param data what opens the case: {@code caseId}, {@code version}, {@code what}, {@code key}
 */
public record InboxItem(long id, String what, String caseId, String title, String body, Instant at, boolean read,
                        Map<String, String> data) {

    static InboxItem of(InboxStore.Stored s, Language language) {
        InboxEntry e = s.entry();
        return new InboxItem(s.id(), e.what(), e.caseId(), language.pick(e.title()), language.pick(e.body()), e.at(),
                s.readAt() != null, e.data());
    }
}
