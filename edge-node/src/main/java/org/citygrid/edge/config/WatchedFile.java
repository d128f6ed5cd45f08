package org.citygrid.edge.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.citygrid.model.hash.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file the operator edits while the node runs (alarm rules, device registry), re-read when its
 * bytes change. Polling rather than a {@code WatchService}: editors and config management replace
 * files by rename, which some file systems report late or not at all, and a poll every few seconds
 * costs nothing. The bytes are compared, not the modification time and size: a threshold edited
 * from 15 to 20 keeps the size, and on a file system with one-second timestamps (or after a copy
 * that keeps them) the time too. A version that does not parse is logged, reported to
 * the failure listeners and ignored: the node keeps the last good one.
 *
 * @param <T> what the file holds
 */
public final class WatchedFile<T> implements AutoCloseable {

    /** Reads one version of the file; throws for a file that is not valid. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Path file) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(WatchedFile.class);

    private final String name;
    private final Path file;
    private final Reader<T> reader;
    private final List<BiConsumer<T, T>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> failureListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller;
    private volatile T current;
    private volatile byte[] seenDigest;

    private WatchedFile(String name, Path file, Reader<T> reader, Duration pollEvery) {
        this.name = name;
        this.file = file;
        this.reader = reader;
        try {
            this.seenDigest = digest(file);
            this.current = reader.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " file " + file + ": " + e.getMessage(), e);
        }
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-file-poll");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, pollEvery.toMillis(), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Reads the file now (failing on a bad one: a node must not start without it) and polls it.
     *
     * @param name short name for logs and events, e.g. {@code rules}: events are {@code <name>-reloaded}
     *             and {@code <name>-reload-failed}
     */
    public static <T> WatchedFile<T> watch(String name, Path file, Reader<T> reader, Duration pollEvery) {
        return new WatchedFile<>(name, file, reader, pollEvery);
    }

    public T current() {
        return current;
    }

    /** Called with (old, new) after every successful reload that changed something. */
    public void onChange(BiConsumer<T, T> listener) {
        listeners.add(listener);
    }

    /** Called after every reload that failed (the previous version stays in force): for counting them. */
    public void onReloadFailure(Runnable listener) {
        failureListeners.add(listener);
    }

    void poll() {
        try {
            byte[] digest = digest(file);
            if (Arrays.equals(digest, seenDigest)) {
                return;
            }
            seenDigest = digest;
            T next = reader.read(file);
            T previous = current;
            if (next.equals(previous)) {
                return;
            }
            current = next;
            LOG.atInfo().addKeyValue("event", name + "-reloaded").addKeyValue("file", file).log("{} reloaded", name);
            listeners.forEach(l -> l.accept(previous, next));
        } catch (IOException | RuntimeException e) {
            LOG.atError().addKeyValue("event", name + "-reload-failed").addKeyValue("file", file)
                    .log("keeping the previous {}: {}", name, e.getMessage());
            failureListeners.forEach(Runnable::run);
        }
    }

    private static byte[] digest(Path file) throws IOException {
        return Sha256.digest(Files.readAllBytes(file));
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
