package org.citygrid.demo.services;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citygrid.demo.DemoException;

/**
 * Where cloud-backend serves {@code /health} and {@code /metrics}: on a free port it picks at start and announces
 * in its log ({@code cloud-backend http url=… metrics=…}, docs/cloud-backend.md), so the demo reads it there.
 *
 * @param health  its {@code /health}
 * @param metrics its {@code /metrics} (Prometheus text format)
 */
public record CloudBackendHttp(URI health, URI metrics) {
    private static final Pattern ANNOUNCED = Pattern.compile("cloud-backend http url=(\\S+/health) metrics=(\\S+/metrics)");

    /** The addresses the log announces last (a restarted cloud-backend announces again: the last one holds). */
    public static CloudBackendHttp fromLog(Path log) {
        try {
            Matcher m = ANNOUNCED.matcher(Files.readString(log));
            CloudBackendHttp last = null;
            while (m.find()) {
                last = new CloudBackendHttp(URI.create(m.group(1)), URI.create(m.group(2)));
            }
            if (last == null) {
                throw new DemoException("cloud-backend's log " + log + " announces no health URL");
            }
            return last;
        } catch (IOException e) {
            throw new DemoException("cannot read cloud-backend's log " + log + ": " + e.getMessage(), e);
        }
    }
}
