package org.citygrid.api.deadletters;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.citygrid.contracts.deadletters.DeadLetter;

/** The dead letters read from grid.dead-letters (api.dead_letters), each replayed at most once. */
public interface DeadLetterStore {

    /** Keeps {@code letter}; one already kept under the same coordinates stays as it was. */
    void record(DeadLetter letter);

    /** One page of dead letters, newest first; {@code page} counts from 1. */
    Page page(int page, int size);

    Optional<Stored> find(long id);

    /** Marks the dead letter replayed by {@code by}; false when it is not there or was replayed before. */
    boolean claimReplay(long id, String by, Instant at);

    /** Undoes {@link #claimReplay} when the record could not be produced. */
    void releaseReplay(long id);

    /** Dead letters not replayed yet that one of {@code consumers} set aside. */
    long waiting(Collection<String> consumers);

    /** A kept dead letter; {@code replayedAt} and {@code replayedBy} are null until it is replayed. */
    record Stored(long id, DeadLetter letter, Instant replayedAt, String replayedBy) {
    }

    /** A page of dead letters and how many there are in all. */
    record Page(int page, int size, long total, List<Stored> items) {
    }
}
