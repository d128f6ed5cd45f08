package org.citygrid.edge.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one segment when the outbox opens and repairs it, so that what the forwarder reads is
 * exactly the intact records.
 *
 * <p>A crash mid-write tears the end of the active segment: that record was never acknowledged to a
 * device, and the segment is truncated before it. Damage elsewhere (a bad sector, a stray write)
 * must not take the intact records after it along: the bytes after a damaged record are searched
 * for the next record that is whole, checksummed and next in offset order, and the segment is
 * rewritten without the damaged stretch. Only the records inside that stretch are lost (and
 * logged), which no format could avoid.
 */
final class SegmentRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentRecovery.class);
    private static final int SMALLEST_RECORD = Segment.HEADER + 8 + 8 + 4;

    /** The repaired segment, the offset after its last record, and the bytes given up. */
    record Result(Segment segment, long nextOffset, long droppedBytes) {
    }

    private SegmentRecovery() {
    }

    /**
     * @param expected the offset the previous segment ended with (-1 for the first segment)
     */
    static Result recover(Path file, long base, long expected) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int size = bytes.length;
        long offset = Math.max(base, expected);
        List<int[]> intact = new ArrayList<>();
        int position = 0;
        int skipped = 0;
        while (position < size) {
            Segment.Read read = Segment.decodeAt(bytes, position, size);
            if (read != null && plausible(read.record().offset(), offset, size)) {
                intact.add(new int[] {position, (int) read.next()});
                offset = read.record().offset() + 1;
                position = (int) read.next();
                continue;
            }
            int resume = nextIntact(bytes, position + 1, size, offset);
            if (resume < 0) {
                break;
            }
            LOG.atError().addKeyValue("event", "outbox-damage-skipped").addKeyValue("segment", file.getFileName())
                    .addKeyValue("from", position).addKeyValue("to", resume)
                    .log("outbox segment has a damaged stretch followed by intact records; keeping those records");
            skipped++;
            position = resume;
        }
        int kept = intact.stream().mapToInt(r -> r[1] - r[0]).sum();
        long dropped = size - kept;
        Segment segment;
        if (skipped == 0) {
            segment = new Segment(base, file);
            if (dropped > 0) {
                LOG.atWarn().addKeyValue("event", "outbox-truncated").addKeyValue("segment", file.getFileName())
                        .addKeyValue("bytes", dropped).addKeyValue("at", kept)
                        .log("outbox segment ends in a torn or damaged record; truncated it (never acknowledged to a device)");
                segment.channel.truncate(kept);
                segment.channel.force(true);
                segment.size = kept;
            }
        } else {
            rewrite(file, bytes, intact);
            segment = new Segment(base, file);
        }
        segment.lastOffset = offset - 1;
        return new Result(segment, offset, dropped);
    }

    /** An offset that can follow {@code expected} in a segment of this size. */
    private static boolean plausible(long found, long expected, int size) {
        return found >= expected && found <= expected + size / SMALLEST_RECORD;
    }

    private static int nextIntact(byte[] bytes, int from, int size, long expected) {
        for (int p = from; p + SMALLEST_RECORD <= size; p++) {
            Segment.Read read = Segment.decodeAt(bytes, p, size);
            if (read != null && plausible(read.record().offset(), expected, size)) {
                return p;
            }
        }
        return -1;
    }

    /** Replaces the segment by its intact records: write, fsync, rename, fsync the folder. */
    private static void rewrite(Path file, byte[] bytes, List<int[]> intact) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".repair");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int[] range : intact) {
                ByteBuffer b = ByteBuffer.wrap(bytes, range[0], range[1] - range[0]);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
