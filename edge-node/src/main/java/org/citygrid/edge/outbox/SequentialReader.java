package org.citygrid.edge.outbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the outbox in order for the forwarder. It remembers where the last read stopped, so the
 * usual call (the offset right after the previous batch) continues from there instead of scanning
 * its segment from the start; any other offset, or a segment deleted under it, means a seek.
 */
final class SequentialReader {

    private final List<Segment> segments;
    private Segment segment;
    private long position;
    private long nextOffset = -1;

    /** @param segments the outbox's live segment list, oldest first */
    SequentialReader(List<Segment> segments) {
        this.segments = segments;
    }

    /** Up to {@code max} records from {@code offset} on, stopping before {@code end}. */
    List<OutboxRecord> read(long offset, int max, long end) throws IOException {
        List<OutboxRecord> out = new ArrayList<>();
        if (offset != nextOffset || segment == null || !segments.contains(segment)) {
            seek(offset);
        }
        while (out.size() < max && nextOffset < end && segment != null) {
            Segment.Read r = segment.readAt(position, segment.size);
            if (r == null) {
                int i = segments.indexOf(segment);
                if (i < 0 || i + 1 >= segments.size()) {
                    break;
                }
                segment = segments.get(i + 1);
                position = 0;
                continue;
            }
            position = r.next();
            nextOffset = r.record().offset() + 1;
            if (r.record().offset() >= offset) {
                out.add(r.record());
            }
        }
        return out;
    }

    private void seek(long offset) throws IOException {
        segment = null;
        for (Segment s : segments) {
            if (s.baseOffset <= offset) {
                segment = s;
            }
        }
        if (segment == null && !segments.isEmpty()) {
            segment = segments.getFirst();
        }
        position = 0;
        long at = segment == null ? offset : segment.baseOffset;
        while (segment != null && at < offset) {
            Segment.Read r = segment.readAt(position, segment.size);
            if (r == null || r.record().offset() >= offset) {
                break;
            }
            position = r.next();
            at = r.record().offset() + 1;
        }
        nextOffset = offset;
    }
}
