package org.citygrid.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

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
        // UTF-8, as the services write (Chinese names and messages stay readable); bytes from native code that are
        // not UTF-8 are replaced rather than failing the message.
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(log), utf8))) {
            reader.lines().forEach(line -> {
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
