package org.citygrid.devstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.citygrid.devstack.LogTail;

/**
 * The broker's log file: everything the child JVM prints, across all its starts, with devstack's own
 * lines (format, start, stop, kill) in between.
 */
final class BrokerLog {
    private static final int TAIL_LINES = 40;
    private static final DateTimeFormatter KAFKA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private final Path file;

    BrokerLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Adds a devstack line, stamped like Kafka's own so that the two read as one timeline. */
    void note(String text) {
        String line = "[" + LocalDateTime.now().format(KAFKA_TIME) + "] devstack: " + text + "\n";
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker log " + file, e);
        }
    }

    /** The last lines, to end an error message with. */
    String tail() {
        return LogTail.of(file, TAIL_LINES);
    }
}
