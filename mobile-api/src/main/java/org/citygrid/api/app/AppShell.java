package org.citygrid.api.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citygrid.model.hash.Sha256;

/**
 * The app's shell as served: its start page, and its service worker with {@code __VERSION__} replaced by
 * a digest of every file the worker caches (its {@code SHELL} list, read from the worker itself). Read
 * once from the class path at start.
 */
final class AppShell {

    static final String ROOT = "app/";
    private static final Pattern SHELL = Pattern.compile("const SHELL = \\[(.*?)];", Pattern.DOTALL);
    private static final Pattern ENTRY = Pattern.compile("'([^']+)'");

    private final byte[] page;
    private final String serviceWorker;

    private AppShell(byte[] page, String serviceWorker) {
        this.page = page;
        this.serviceWorker = serviceWorker;
    }

    static AppShell fromClassPath() {
        String worker = new String(read("sw.js"), StandardCharsets.UTF_8);
        MessageDigest digest = Sha256.newDigest();
        for (String file : files(worker)) {
            digest.update(file.getBytes(StandardCharsets.UTF_8));
            digest.update(read(file));
        }
        String version = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        return new AppShell(read("index.html"), worker.replace("__VERSION__", version));
    }

    /** The files the worker caches, as paths under {@code app/} ({@code ./} is the start page). */
    static List<String> files(String worker) {
        Matcher list = SHELL.matcher(worker);
        if (!list.find()) {
            throw new IllegalStateException("the service worker has no SHELL list");
        }
        List<String> files = new ArrayList<>();
        Matcher entry = ENTRY.matcher(list.group(1));
        while (entry.find()) {
            files.add(entry.group(1).equals("./") ? "index.html" : entry.group(1));
        }
        return files;
    }

    byte[] page() {
        return page;
    }

    String serviceWorker() {
        return serviceWorker;
    }

    private static byte[] read(String file) {
        try (InputStream in = AppShell.class.getClassLoader().getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException(ROOT + file + " is not on the class path: the app was not packaged whole");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + file, e);
        }
    }
}
