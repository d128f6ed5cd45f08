package org.citygrid.edge.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.zip.CRC32C;

/**
 * One file of the outbox, named after the offset of its first record. Each record is
 * {@code length, crc32c, body} with body {@code offset, appendedAtMillis, keyLength, key, value}:
 * the checksum covers the whole body, so a record torn by a crash or damaged on disk is recognised
 * and never forwarded.
 */
final class Segment {

    static final int HEADER = 8;
    private static final int BODY_FIXED = 8 + 8 + 4;
    static final int MAX_BODY = 64 << 20;

    final long baseOffset;
    final Path path;
    final FileChannel channel;
    volatile long size;
    volatile long lastOffset;

    Segment(long baseOffset, Path path) throws IOException {
        this.baseOffset = baseOffset;
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.size = channel.size();
        this.lastOffset = baseOffset - 1;
    }

    static String fileName(long baseOffset) {
        return String.format("%020d.log", baseOffset);
    }

    static ByteBuffer encode(long offset, long appendedAtMillis, String key, byte[] value) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int bodyLength = BODY_FIXED + k.length + value.length;
        ByteBuffer buf = ByteBuffer.allocate(HEADER + bodyLength);
        buf.putInt(bodyLength).putInt(0).putLong(offset).putLong(appendedAtMillis).putInt(k.length).put(k).put(value);
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), HEADER, bodyLength);
        buf.putInt(4, (int) crc.getValue());
        return buf.flip();
    }

    /** A record read at a file position, with the position of the next one. */
    record Read(OutboxRecord record, long next) {
    }

    /**
     * The record at {@code position}, or {@code null} when what is there is not a whole, intact
     * record (the end of the file, a torn write, or damage).
     */
    Read readAt(long position, long limit) throws IOException {
        if (position + HEADER > limit) {
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        readFully(header, position);
        int bodyLength = header.getInt(0);
        int expectedCrc = header.getInt(4);
        if (bodyLength < BODY_FIXED || bodyLength > MAX_BODY || position + HEADER + bodyLength > limit) {
            return null;
        }
        ByteBuffer body = ByteBuffer.allocate(bodyLength);
        readFully(body, position + HEADER);
        body.flip();
        OutboxRecord record = decodeBody(body, expectedCrc);
        return record == null ? null : new Read(record, position + HEADER + bodyLength);
    }

    /**
     * The record at {@code position} of a segment's bytes held in memory, as {@link #readAt}: for
     * recovery, which may have to look at every position of a damaged stretch.
     */
    static Read decodeAt(byte[] bytes, int position, int limit) {
        if (position < 0 || position + HEADER > limit) {
            return null;
        }
        ByteBuffer all = ByteBuffer.wrap(bytes, 0, limit);
        int bodyLength = all.getInt(position);
        int expectedCrc = all.getInt(position + 4);
        if (bodyLength < BODY_FIXED || bodyLength > MAX_BODY || (long) position + HEADER + bodyLength > limit) {
            return null;
        }
        ByteBuffer body = ByteBuffer.wrap(bytes, position + HEADER, bodyLength).slice();
        OutboxRecord record = decodeBody(body, expectedCrc);
        return record == null ? null : new Read(record, position + HEADER + bodyLength);
    }

    /** The record in {@code body} (position 0 to limit), or {@code null} when its checksum fails. */
    private static OutboxRecord decodeBody(ByteBuffer body, int expectedCrc) {
        CRC32C crc = new CRC32C();
        crc.update(body.duplicate());
        if ((int) crc.getValue() != expectedCrc) {
            return null;
        }
        long offset = body.getLong();
        long appendedAt = body.getLong();
        int keyLength = body.getInt();
        if (keyLength < 0 || keyLength > body.remaining()) {
            return null;
        }
        byte[] key = new byte[keyLength];
        body.get(key);
        byte[] value = new byte[body.remaining()];
        body.get(value);
        return new OutboxRecord(offset, Instant.ofEpochMilli(appendedAt), new String(key, StandardCharsets.UTF_8), value);
    }

    private void readFully(ByteBuffer buf, long position) throws IOException {
        long p = position;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, p);
            if (n < 0) {
                throw new IOException("unexpected end of " + path);
            }
            p += n;
        }
    }

    void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a file we are about to delete or leave: nothing to recover
        }
    }
}
