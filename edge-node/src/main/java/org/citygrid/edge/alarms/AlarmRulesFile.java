package org.citygrid.edge.alarms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules file, re-read when its modification time or size changes. Polling rather than a
 * {@code WatchService}: editors and config management replace files by rename, which some file
 * systems report late or not at all, and a poll every few seconds costs nothing. A file that does
 * not parse is logged and ignored: the node keeps the last good rules.
 */
public final class AlarmRulesFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmRulesFile.class);

    private final Path file;
    private final List<BiConsumer<AlarmRules, AlarmRules>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> failureListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller;
    private volatile AlarmRules current;
    private volatile FileTime seenModified;
    private volatile long seenSize;

    private AlarmRulesFile(Path file, Duration pollEvery) {
        this.file = file;
        try {
            this.seenModified = Files.getLastModifiedTime(file);
            this.seenSize = Files.size(file);
            this.current = AlarmRules.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules file " + file + ": " + e.getMessage(), e);
        }
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rules-file-poll");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, pollEvery.toMillis(), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the file now (failing on a bad one: a node must not start without rules) and polls it. */
    public static AlarmRulesFile watch(Path file, Duration pollEvery) {
        return new AlarmRulesFile(file, pollEvery);
    }

    public AlarmRules current() {
        return current;
    }

    /** Called with (old, new) after every successful reload that changed something. */
    public void onChange(BiConsumer<AlarmRules, AlarmRules> listener) {
        listeners.add(listener);
    }

    /** Called after every reload that failed (the previous rules stay in force): for counting them. */
    public void onReloadFailure(Runnable listener) {
        failureListeners.add(listener);
    }

    void poll() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (modified.equals(seenModified) && size == seenSize) {
                return;
            }
            seenModified = modified;
            seenSize = size;
            AlarmRules next = AlarmRules.read(file);
            AlarmRules previous = current;
            if (next.equals(previous)) {
                return;
            }
            current = next;
            LOG.atInfo().addKeyValue("event", "rules-reloaded").addKeyValue("file", file)
                    .addKeyValue("sensorTypes", next.bySensorType().size()).log("alarm rules reloaded");
            listeners.forEach(l -> l.accept(previous, next));
        } catch (IOException | RuntimeException e) {
            LOG.atError().addKeyValue("event", "rules-reload-failed").addKeyValue("file", file)
                    .log("keeping the previous alarm rules: {}", e.getMessage());
            failureListeners.forEach(Runnable::run);
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
