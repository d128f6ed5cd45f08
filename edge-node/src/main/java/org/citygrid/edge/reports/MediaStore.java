package org.citygrid.edge.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.citygrid.model.hash.Sha256;

/**
 * Photos of patrol reports, kept on the edge's disk by content hash. The intake record carries only
 * a reference ({@code edge:<node>/media/<sha256>.<ext>}); a photo is written and flushed before the
 * record that refers to it, so no record ever points at a photo lost in a crash.
 */
public final class MediaStore {

    private final Path dir;
    private final String nodeId;
    private final AtomicLong bytes = new AtomicLong();

    public MediaStore(Path dir, String nodeId) {
        this.dir = dir;
        this.nodeId = nodeId;
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(dir)) {
                bytes.set(files.mapToLong(p -> p.toFile().length()).sum());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open media folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The media type of a photo by its leading bytes: only JPEG and PNG are taken. */
    public static Optional<String> sniff(byte[] photo) {
        if (photo.length > 3 && (photo[0] & 0xff) == 0xff && (photo[1] & 0xff) == 0xd8 && (photo[2] & 0xff) == 0xff) {
            return Optional.of("image/jpeg");
        }
        if (photo.length > 8 && (photo[0] & 0xff) == 0x89 && photo[1] == 'P' && photo[2] == 'N' && photo[3] == 'G') {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    /**
     * A stored photo.
     *
     * @param ref     the reference intake records carry
     * @param name    the file name under the media folder
     * @param created whether this call wrote the file (an identical photo may have been stored before)
     */
    public record Stored(String ref, String name, boolean created) {
    }

    /** Stores the photo durably. Storing the same bytes twice stores them once. */
    public Stored store(byte[] photo, String mediaType) {
        String hash = Sha256.hex(photo);
        String name = hash + (mediaType.equals("image/png") ? ".png" : ".jpg");
        Path target = dir.resolve(name);
        boolean created = false;
        if (!Files.exists(target)) {
            Path tmp = dir.resolve(name + ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buf = ByteBuffer.wrap(photo);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                bytes.addAndGet(photo.length);
                created = true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store photo " + target + ": " + e.getMessage(), e);
            }
        }
        return new Stored("edge:" + nodeId + "/media/" + name, name, created);
    }

    /**
     * Removes a photo this node stored for a report it then could not accept, so a refusal leaves
     * nothing behind. Only ever called with a {@link Stored} that {@code created} the file: a
     * photo that was there before may belong to an accepted report.
     */
    public void discard(Stored stored) {
        if (!stored.created()) {
            return;
        }
        Path file = dir.resolve(stored.name());
        try {
            long size = Files.size(file);
            Files.deleteIfExists(file);
            bytes.addAndGet(-size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove unused photo " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Disk used by stored photos, charged to the outbox budget. */
    public long bytes() {
        return bytes.get();
    }
}
