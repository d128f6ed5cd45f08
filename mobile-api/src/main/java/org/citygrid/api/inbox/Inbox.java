package org.citygrid.api.inbox;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.citygrid.api.errors.Invalid;
import org.citygrid.api.errors.NotFound;
import org.citygrid.api.i18n.Language;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Every message the system sends a person, kept: listed newest first in pages, counted while unread,
 * marked read, and streamed live to an app that is open. Delivery ({@code push.Delivery}) puts
 * messages in; people read them through {@code /api/v1/notifications}.
 *
 * <p>Live: each instance hears every addition (its own and the other instances', {@link InboxSignals})
 * and hands each connected app the entries of its own person, read from the store in the app's
 * language. An app that was away reloads its first page; nothing is replayed on the stream.
 */
@Singleton
public class Inbox {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final InboxStore store;
    private final InboxSignals signals;
    private final Clock clock;
    private final Sinks.Many<InboxStore.Added> added = Sinks.many().multicast().directBestEffort();

    Inbox(InboxStore store, InboxSignals signals, Clock clock) {
        this.store = store;
        this.signals = signals;
        this.clock = clock;
    }

    @EventListener
    void start(StartupEvent event) {
        signals.listen(a -> added.tryEmitNext(a));
    }

    /** Puts {@code entry} in each of these people's inboxes (once per person, however often it is delivered). */
    public void deliver(List<String> accountIds, InboxEntry entry) {
        store.add(accountIds, entry, clock.instant());
    }

    /**
     * @param before the id of the last entry of the previous page, or null for the newest
     * @param limit  1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when null
     */
    public InboxPage page(String accountId, Long before, Integer limit, Language language) {
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw Invalid.field("limit", "between 1 and " + MAX_LIMIT);
        }
        if (before != null && before < 1) {
            throw Invalid.field("before", "an entry id");
        }
        List<InboxStore.Stored> rows = store.page(accountId, before, n);
        String next = rows.size() < n ? null
                : "/api/v1/notifications?before=" + rows.get(rows.size() - 1).id() + "&limit=" + n;
        return new InboxPage(rows.stream().map(s -> InboxItem.of(s, language)).toList(), store.unread(accountId), next);
    }

    public int unread(String accountId) {
        return store.unread(accountId);
    }

    /** Marks one of the person's messages read; 404 for an entry that is not theirs. */
    public void read(String accountId, long id) {
        if (!store.markRead(accountId, id, clock.instant())) {
            throw new NotFound("no message " + id + " in your inbox");
        }
    }

    /** @return how many were unread */
    public int readAll(String accountId) {
        return store.markAllRead(accountId, clock.instant());
    }

    /** The person's new messages as they arrive, in {@code language}, read on a worker thread off the listener's. */
    public Flux<InboxItem> live(String accountId, Language language) {
        return added.asFlux()
                .filter(a -> a.accountId().equals(accountId))
                .publishOn(Schedulers.boundedElastic())
                .concatMap(a -> Flux.fromStream(store.one(accountId, a.id()).stream()))
                .map(s -> InboxItem.of(s, language));
    }

    @PreDestroy
    void close() {
        signals.close();
        added.tryEmitComplete();
    }
}
