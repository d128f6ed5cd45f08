package org.citygrid.api.inbox;

import java.util.function.Consumer;

/**
 * Entries added to inboxes, as each instance hears of them, whichever instance added them: the
 * store's additions are announced through the database (PostgreSQL's NOTIFY), so that a person whose
 * app is connected to one instance sees at once what another instance delivered.
 */
public interface InboxSignals extends AutoCloseable {

    /** Starts hearing additions; {@code onAdded} runs on the listening thread, in the order they were committed. */
    void listen(Consumer<InboxStore.Added> onAdded);

    @Override
    void close();
}
