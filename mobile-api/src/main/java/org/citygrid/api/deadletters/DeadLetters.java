package org.citygrid.api.deadletters;

import jakarta.inject.Singleton;
import java.time.Clock;
import org.citygrid.api.errors.Conflict;
import org.citygrid.api.errors.Malformed;
import org.citygrid.api.errors.NotFound;
import org.citygrid.api.kafka.GridPublisher;

/**
 * What an administrator does with dead letters: lists them, a page at a time, and replays one, once:
 * its key and value go back onto the topic it was read from, for every consumer of that topic (they
 * recognise repeats: intake by intake id, case events by case and version, rejections by command id),
 * and the dead letter records who replayed it and when.
 */
@Singleton
public class DeadLetters {

    /** The most dead letters on one page. */
    public static final int MAX_PAGE_SIZE = 200;

    private final DeadLetterStore store;
    private final GridPublisher publisher;
    private final Clock clock;

    DeadLetters(DeadLetterStore store, GridPublisher publisher, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
    }

    public DeadLetterStore.Page list(int page, int size) {
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            throw Malformed.request("invalid-query", "page counts from 1; size is 1 to " + MAX_PAGE_SIZE);
        }
        return store.page(page, size);
    }

    /**
     * Produces the dead letter's record again and marks it replayed; refused (409) when it was replayed before.
     * The mark is taken first, so two administrators pressing at once replay it once; a broker that does not
     * acknowledge gives the mark back (503) and the replay can be tried again.
     */
    public DeadLetterStore.Stored replay(long id, String adminId) {
        DeadLetterStore.Stored stored = store.find(id).orElseThrow(() -> new NotFound("no dead letter " + id));
        if (!store.claimReplay(id, adminId, clock.instant())) {
            DeadLetterStore.Stored before = store.find(id).orElse(stored);
            throw new Conflict("already-replayed", "Already replayed", "dead letter " + id + " was replayed at "
                    + before.replayedAt() + " by " + before.replayedBy() + "; it is replayed once");
        }
        try {
            publisher.replay(stored.letter());
        } catch (RuntimeException e) {
            store.releaseReplay(id);
            throw e;
        }
        return store.find(id).orElseThrow(() -> new NotFound("no dead letter " + id));
    }
}
