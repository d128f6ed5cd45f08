package org.citygrid.api.inbox.persistence;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.citygrid.api.inbox.InboxSignals;
import org.citygrid.api.inbox.InboxStore;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link InboxSignals} through PostgreSQL's LISTEN/NOTIFY on channel {@value #CHANNEL}, which
 * {@link JdbcInboxStore} notifies in the statement that adds entries (payload {@code <accountId> <entryId>}).
 * One connection of the pool stays with the listening thread; when the database goes away, the
 * thread tries again every 2 s. Signals sent while it was away are lost: an app reloads its inbox
 * when its stream reconnects.
 */
@Singleton
final class PgInboxSignals implements InboxSignals {

    static final String CHANNEL = "citygrid_inbox";

    private static final Logger LOG = LoggerFactory.getLogger(PgInboxSignals.class);
    private static final int WAIT_MS = 500;
    private static final long RETRY_MS = 2_000;

    private final DataSource dataSource;
    private volatile boolean running = true;
    private Thread thread;

    PgInboxSignals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized void listen(Consumer<InboxStore.Added> onAdded) {
        if (thread != null) {
            throw new IllegalStateException("already listening");
        }
        thread = Thread.ofPlatform().name("inbox-signals").daemon().start(() -> run(onAdded));
    }

    private void run(Consumer<InboxStore.Added> onAdded) {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] signals = pg.getNotifications(WAIT_MS);
                    if (signals != null) {
                        for (PGNotification n : signals) {
                            hand(n.getParameter(), onAdded);
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("not hearing inbox additions ({}); listening again in {} ms", e.getMessage(), RETRY_MS);
                    pause();
                }
            }
        }
    }

    private static void hand(String payload, Consumer<InboxStore.Added> onAdded) {
        int space = payload.lastIndexOf(' ');
        try {
            onAdded.accept(new InboxStore.Added(Long.parseLong(payload.substring(space + 1)), payload.substring(0, space)));
        } catch (RuntimeException e) {
            // one bad signal or subscriber must not end the listening for every app
            LOG.warn("inbox signal '{}' not handed on: {}", payload, e.toString());
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(WAIT_MS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
