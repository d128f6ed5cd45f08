package org.citygrid.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's one-minute load average from {@code /proc/loadavg} (Linux only): printed with every row of the
 * scaling part, because on a shared machine what else ran weighs on the figures as much as the size does.
 */
public final class LoadAverage {
    private LoadAverage() {
    }

    /** The one-minute load average, or NaN when /proc is not there. */
    public static double oneMinute() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
