package org.citygrid.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks and creates the directory a caller gives a service for its data and logs, so that an unusable
 * path fails at once with a message naming it instead of deep inside a child process.
 */
public final class ServiceDirectory {
    private ServiceDirectory() {
    }

    /**
     * Creates {@code dir} (and its parents) when missing and returns its absolute, normalised path.
     *
     * @param service names the service in the error message, e.g. "Kafka broker"
     * @throws DevstackException when the path is a file, cannot be created or is not writable
     */
    public static Path prepare(String service, Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new DevstackException(service + " data directory " + abs
                    + " exists but is not a directory: remove it or give another directory");
        }
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw new DevstackException(service + " data directory " + abs + " cannot be created ("
                    + e + "): give a directory this user may write to", e);
        }
        if (!Files.isWritable(abs)) {
            throw new DevstackException(service + " data directory " + abs
                    + " is not writable by this user: give a directory this user may write to");
        }
        return abs;
    }
}
