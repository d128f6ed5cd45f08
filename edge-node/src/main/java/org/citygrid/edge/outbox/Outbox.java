package org.citygrid.edge.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable store-and-forward log between the CoAP side and Kafka: an append-only sequence of
 * segment files plus a cursor file holding the last offset Kafka acknowledged.
 *
 * <p>{@link #append} returns only once its records are on disk ({@code fsync}); callers arriving
 * while another caller's fsync runs share the next one (group commit), so throughput under load is
 * bounded by the disk's flush rate rather than by one flush per record. Readers only ever see
 * durable records.
 *
 * <p>On {@link #open}, every segment is checked record by record ({@link SegmentRecovery}): a torn
 * tail left by a crash in the middle of a write is cut off, which costs the record that was never
 * acknowledged and nothing else; a damaged stretch inside a segment is cut out, keeping the intact
 * records after it.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final Path dir;
    private final long segmentBytes;
    private final long budgetBytes;
    private final int retryAfterSeconds;
    private final LongSupplier otherBytes;
    private final List<Segment> segments = new CopyOnWriteArrayList<>();
    private final List<Runnable> beforeDelete = new CopyOnWriteArrayList<>();

    private final ReentrantLock writeLock = new ReentrantLock();
    private final Condition durableAdvanced = writeLock.newCondition();
    private final Object syncLock = new Object();
    private long nextOffset;
    private volatile long durableNext;
    private volatile long acked;
    private volatile long diskBytes;
    private long truncatedBytes;

    private final SequentialReader reader = new SequentialReader(segments);
    private final CursorFile cursor;

    private Outbox(Path dir, long segmentBytes, long budgetBytes, int retryAfterSeconds, LongSupplier otherBytes) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.budgetBytes = budgetBytes;
        this.retryAfterSeconds = retryAfterSeconds;
        this.otherBytes = otherBytes;
        this.cursor = new CursorFile(dir);
    }

    /**
     * Opens (or creates) the outbox in {@code dir}, truncating torn tails.
     *
     * @param budgetBytes most bytes the outbox plus {@code otherBytes} (stored photos) may take
     * @param otherBytes  other disk use charged to the same budget
     */
    public static Outbox open(Path dir, long segmentBytes, long budgetBytes, int retryAfterSeconds, LongSupplier otherBytes) {
        Outbox outbox = new Outbox(dir, segmentBytes, budgetBytes, retryAfterSeconds, otherBytes);
        try {
            Files.createDirectories(dir);
            outbox.recover();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open outbox " + dir + ": " + e.getMessage(), e);
        }
        return outbox;
    }

    private void recover() throws IOException {
        acked = cursor.read();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().matches("\\d{20}\\.log")).sorted().toList();
        }
        long expected = -1;
        for (Path file : files) {
            long base = Long.parseLong(file.getFileName().toString().substring(0, 20));
            SegmentRecovery.Result recovered = SegmentRecovery.recover(file, base, expected);
            truncatedBytes += recovered.droppedBytes();
            expected = recovered.nextOffset();
            segments.add(recovered.segment());
        }
        nextOffset = Math.max(expected, acked + 1);
        if (segments.isEmpty() || segments.getLast().size >= segmentBytes) {
            roll();
        }
        durableNext = nextOffset;
        diskBytes = segments.stream().mapToLong(s -> s.size).sum();
        deleteAcknowledgedSegments();
        LOG.atInfo().addKeyValue("event", "outbox-opened").addKeyValue("dir", dir).addKeyValue("next", nextOffset)
                .addKeyValue("acked", acked).addKeyValue("pending", depth()).log("outbox opened");
    }

    private void roll() throws IOException {
        if (!segments.isEmpty()) {
            segments.getLast().channel.force(true);
        }
        Segment segment = new Segment(nextOffset, dir.resolve(Segment.fileName(nextOffset)));
        segments.add(segment);
        syncDirectory();
    }

    private void syncDirectory() throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    /** An entry to append: the Kafka key (the intake id) and the serialised record. */
    public record Entry(String key, byte[] value) {
    }

    /**
     * Appends the entries and returns once they are durable. All or nothing against the budget: a
     * batch that does not fit is refused whole.
     *
     * @return the offset of the first entry
     * @throws OutboxFullException when the disk budget would be exceeded; nothing was written
     */
    public long append(List<Entry> entries) throws OutboxFullException {
        long last;
        long first;
        writeLock.lock();
        try {
            long now = System.currentTimeMillis();
            List<ByteBuffer> encoded = new ArrayList<>(entries.size());
            long bytes = 0;
            for (int i = 0; i < entries.size(); i++) {
                ByteBuffer b = Segment.encode(nextOffset + i, now, entries.get(i).key(), entries.get(i).value());
                bytes += b.remaining();
                encoded.add(b);
            }
            if (diskBytes + otherBytes.getAsLong() + bytes > budgetBytes) {
                throw new OutboxFullException("the outbox is full (" + (diskBytes + otherBytes.getAsLong()) + " of "
                        + budgetBytes + " bytes); retry in " + retryAfterSeconds + " s", retryAfterSeconds);
            }
            Segment active = segments.getLast();
            if (active.size >= segmentBytes) {
                roll();
                active = segments.getLast();
            }
            first = nextOffset;
            for (ByteBuffer b : encoded) {
                long position = active.size;
                while (b.hasRemaining()) {
                    position += active.channel.write(b, position);
                }
                active.size = position;
                active.lastOffset = nextOffset;
                nextOffset++;
            }
            diskBytes += bytes;
            last = nextOffset;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to outbox " + dir + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
        syncUpTo(last);
        return first;
    }

    /** Group commit: one fsync covers every write made before it started. */
    private void syncUpTo(long next) {
        synchronized (syncLock) {
            if (durableNext >= next) {
                return;
            }
            long target;
            Segment active;
            writeLock.lock();
            try {
                target = nextOffset;
                active = segments.getLast();
            } finally {
                writeLock.unlock();
            }
            try {
                active.channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot flush outbox " + dir + ": " + e.getMessage(), e);
            }
            writeLock.lock();
            try {
                durableNext = target;
                durableAdvanced.signalAll();
            } finally {
                writeLock.unlock();
            }
        }
    }

    /** Waits until a durable record with an offset at or after {@code offset} exists, or the time is up. */
    public boolean awaitDurable(long offset, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        writeLock.lock();
        try {
            while (durableNext <= offset) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = durableAdvanced.awaitNanos(nanos);
            }
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    /** Up to {@code max} durable records from {@code offset} on, in order. */
    public synchronized List<OutboxRecord> read(long offset, int max) {
        try {
            return reader.read(offset, max, durableNext);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read outbox " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Every record still on disk, forwarded or not, oldest first: for rebuilding state on start. */
    public void scan(Consumer<OutboxRecord> consumer) {
        try {
            for (Segment s : segments) {
                long position = 0;
                Segment.Read r;
                while ((r = s.readAt(position, s.size)) != null) {
                    consumer.accept(r.record());
                    position = r.next();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read outbox " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records that everything up to {@code offset} is acknowledged by Kafka: persists the cursor,
     * then deletes segments that hold nothing else.
     */
    public void acknowledge(long offset) {
        if (offset <= acked) {
            return;
        }
        cursor.write(offset);
        acked = offset;
        deleteAcknowledgedSegments();
    }

    /** Runs before any segment is deleted: whoever derives state from outbox records saves it first. */
    public void beforeDeletingSegments(Runnable hook) {
        beforeDelete.add(hook);
    }

    private void deleteAcknowledgedSegments() {
        List<Segment> done = new ArrayList<>();
        for (Segment s : segments) {
            if (s != segments.getLast() && s.lastOffset <= acked) {
                done.add(s);
            } else {
                break;
            }
        }
        if (done.isEmpty()) {
            return;
        }
        beforeDelete.forEach(Runnable::run);
        writeLock.lock();
        try {
            for (Segment s : done) {
                segments.remove(s);
                s.close();
                Files.deleteIfExists(s.path);
                diskBytes -= s.size;
            }
        } catch (IOException e) {
            LOG.atWarn().addKeyValue("event", "outbox-delete-failed").log("cannot delete a forwarded segment: {}", e.getMessage());
        } finally {
            writeLock.unlock();
        }
    }

    /** Offset of the next record to be appended. */
    public long nextOffset() {
        return durableNext;
    }

    /** Last offset Kafka acknowledged, -1 before the first. */
    public long acknowledged() {
        return acked;
    }

    /** Durable records not yet acknowledged. */
    public long depth() {
        return Math.max(0, durableNext - acked - 1);
    }

    public long diskBytes() {
        return diskBytes;
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    /** The Max-Age a device is told to wait when the budget is full. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Bytes of torn or damaged records cut off when this outbox was opened. */
    public long truncatedOnOpen() {
        return truncatedBytes;
    }

    /** How long the oldest unacknowledged record has waited, zero when there is none. */
    public Duration forwardLag(Instant now) {
        if (depth() == 0) {
            return Duration.ZERO;
        }
        List<OutboxRecord> oldest = peekOldest();
        return oldest.isEmpty() ? Duration.ZERO : Duration.between(oldest.getFirst().appendedAt(), now);
    }

    private List<OutboxRecord> peekOldest() {
        long want = acked + 1;
        try {
            for (Segment s : segments) {
                if (s.lastOffset >= want) {
                    long position = 0;
                    Segment.Read r;
                    while ((r = s.readAt(position, s.size)) != null) {
                        if (r.record().offset() >= want) {
                            return List.of(r.record());
                        }
                        position = r.next();
                    }
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return List.of();
    }

    public Map<String, Object> stats(Instant now) {
        return Map.of("depth", depth(), "diskBytes", diskBytes, "budgetBytes", budgetBytes,
                "forwardLagSeconds", forwardLag(now).toMillis() / 1000.0, "acknowledged", acked, "next", durableNext);
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            for (Segment s : segments) {
                s.close();
            }
        } finally {
            writeLock.unlock();
        }
    }

}
