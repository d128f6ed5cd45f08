package org.citygrid.edge.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.citygrid.edge.outbox.OutboxRecord;
import org.citygrid.model.worktime.WorkingCalendar;

/**
 * Outbox records the forwarder set aside because Kafka refused them for a reason of their own, in
 * {@code dataDir/dead-letters/dead-letters.jsonl}: one JSON object per line with the node, the
 * record's outbox offset, its Kafka key, its value (the intake record as JSON, or
 * {@code valueBase64} for bytes that are not JSON), the reason, the attempts and the time (in the
 * city's zone). A line is written and flushed to disk before the outbox cursor moves past its
 * record, so a dead letter is never lost; the file is kept until an operator removes it, and its
 * lines are what a replay sends (key and value) once the cause is fixed.
 */
public final class DeadLetters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String nodeId;
    private final Clock clock;
    private final AtomicLong count = new AtomicLong();

    private DeadLetters(Path file, String nodeId, Clock clock) {
        this.file = file;
        this.nodeId = nodeId;
        this.clock = clock;
    }

    /** Opens (or creates) the dead-letter file under {@code dir} and counts what is in it. */
    public static DeadLetters open(Path dir, String nodeId, Clock clock) {
        DeadLetters letters = new DeadLetters(dir.resolve("dead-letters.jsonl"), nodeId, clock);
        try {
            Files.createDirectories(dir);
            if (Files.exists(letters.file)) {
                try (var lines = Files.lines(letters.file, StandardCharsets.UTF_8)) {
                    letters.count.set(lines.filter(l -> !l.isBlank()).count());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open dead letters " + letters.file + ": " + e.getMessage(), e);
        }
        return letters;
    }

    /** Writes the record, the reason and the time, and returns once they are on disk. */
    public synchronized void add(OutboxRecord record, Throwable reason, int attempts) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("at", OffsetDateTime.now(clock.withZone(WorkingCalendar.CHINA_STANDARD_TIME))
                .truncatedTo(ChronoUnit.MILLIS).toString());
        line.put("node", nodeId);
        line.put("offset", record.offset());
        line.put("key", record.key());
        JsonNode value = asJson(record.value());
        if (value != null) {
            line.set("value", value);
        } else {
            line.put("valueBase64", Base64.getEncoder().encodeToString(record.value()));
        }
        line.put("reason", reason.getMessage());
        line.put("attempts", attempts);
        byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        boolean created = !Files.exists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        if (created) {
            try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            }
        }
        count.incrementAndGet();
    }

    private static JsonNode asJson(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            return null;
        }
    }

    /** Records in the file. */
    public long count() {
        return count.get();
    }

    /** Every line of the file, oldest first. */
    public List<JsonNode> list() {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dead letters " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    public Path file() {
        return file;
    }
}
