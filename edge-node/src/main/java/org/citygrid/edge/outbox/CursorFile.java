package org.citygrid.edge.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The last offset Kafka acknowledged, in a file of its own. It is replaced by write, fsync and
 * rename, so a crash leaves either the old or the new value, never a torn one; an old value only
 * means some records are sent again, which downstream dedup by intake id absorbs.
 */
final class CursorFile {

    private final Path file;
    private final Path tmp;

    CursorFile(Path dir) {
        this.file = dir.resolve("cursor");
        this.tmp = dir.resolve("cursor.tmp");
    }

    /** The stored offset, -1 when nothing was ever acknowledged. */
    long read() throws IOException {
        if (!Files.exists(file)) {
            return -1;
        }
        return Long.parseLong(Files.readString(file).trim());
    }

    void write(long offset) {
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(Long.toString(offset).getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write outbox cursor " + file + ": " + e.getMessage(), e);
        }
    }
}
