package org.citygrid.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Stream;

/** The last lines of a service's log, to put into an error message. */
public final class LogTail {
    private LogTail() {
    }

    /** Returns the last {@code lines} lines of {@code log}, or a note saying why there are none. */
    public static String of(Path log, int lines) {
        if (!Files.isRegularFile(log)) {
            return "(no log at " + log + ")";
        }
        Deque<String> tail = new ArrayDeque<>(lines);
        // Logs may hold bytes from native code that are not UTF-8; replace rather than fail the message.
        try (Stream<String> all = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            all.forEach(line -> {
                if (tail.size() == lines) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(log " + log + " unreadable: " + e + ")";
        }
        return "last lines of " + log + ":\n    " + String.join("\n    ", tail);
    }
}
