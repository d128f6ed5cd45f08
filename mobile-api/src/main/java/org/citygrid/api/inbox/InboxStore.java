package org.citygrid.api.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** People's inboxes (api.inbox). */
public interface InboxStore {

    /**
     * Adds {@code entry} to the inbox of each of these accounts that exists and does not hold its key yet,
     * and signals each addition to every instance ({@link InboxSignals}).
     *
     * @return the entries added (none for a repeat)
     */
    List<Added> add(List<String> accountIds, InboxEntry entry, Instant deliveredAt);

    /** The account's entries newest first, those older than {@code before} (an entry id) when it is not null. */
    List<Stored> page(String accountId, Long before, int limit);

    Optional<Stored> one(String accountId, long id);

    int unread(String accountId);

    /** Marks one entry read (once: a second call changes nothing); false when the account has no such entry. */
    boolean markRead(String accountId, long id, Instant at);

    /** @return how many entries were unread */
    int markAllRead(String accountId, Instant at);

    /** An entry just added to an account's inbox. */
    record Added(long id, String accountId) {
    }

    /** An entry as kept. */
    record Stored(long id, InboxEntry entry, Instant deliveredAt, Instant readAt) {
    }
}
