package org.citygrid.edge.alarms;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The settled episode state of every device, as a JSON snapshot replaced atomically (write, fsync,
 * rename). It is written before the outbox deletes a segment, so together with the records still in
 * the outbox it always reconstructs the latest episode of each device: a restart neither raises an
 * open episode again nor forgets it.
 */
public final class EpisodeStore {

    /** What is kept per device. */
    public record Entry(long lastSeq, boolean active) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path file;

    public EpisodeStore(Path file) {
        this.file = file;
    }

    public Map<String, Entry> load() {
        if (!Files.exists(file)) {
            return new HashMap<>();
        }
        try {
            return MAPPER.readValue(file.toFile(), new TypeReference<HashMap<String, Entry>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read alarm episode state " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized void save(Map<String, Entry> entries) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            byte[] bytes = MAPPER.writeValueAsBytes(entries);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write alarm episode state " + file + ": " + e.getMessage(), e);
        }
    }
}
