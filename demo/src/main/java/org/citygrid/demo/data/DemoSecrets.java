package org.citygrid.demo.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.citygrid.demo.DemoException;

/**
 * Secrets the demo makes on its first run and keeps in the data folder ({@code secrets.json}, readable by its owner
 * only): mobile-api's JWT key and the passwords. Random per data folder, from {@link SecureRandom}, never a default
 * checked into the repository.
 *
 * <p>The JWT key is kept rather than made afresh on each start, so that a phone signed in yesterday stays signed in
 * after a restart of the demo on the same data, as it would after a restart of a real deployment; {@code --fresh}
 * makes a new one with everything else. A kept key shorter than {@value #JWT_SECRET_MIN_BYTES} bytes (an edited
 * file) is replaced, since mobile-api refuses such a key.
 *
 * @param jwtSecret      mobile-api's {@code CITYGRID_JWT_SECRET}: 32 random bytes, hex-encoded (64 characters)
 * @param adminPassword  the password of account {@code admin}
 * @param peoplePassword the password of the demo's other accounts (operator, handlers, grid workers, residents)
 */
public record DemoSecrets(String jwtSecret, String adminPassword, String peoplePassword) {
    /** mobile-api's minimum for an HS256 key: 256 bits. */
    public static final int JWT_SECRET_MIN_BYTES = 32;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The folder's secrets, made on first use; a missing or too short one in the file is made afresh and written back.
     *
     * @throws DemoException saying what to do when the file cannot be read or written
     */
    public static DemoSecrets loadOrCreate(Path file) {
        try {
            DemoSecrets kept = Files.isRegularFile(file) ? JSON.readValue(file.toFile(), DemoSecrets.class)
                    : new DemoSecrets(null, null, null);
            DemoSecrets secrets = kept.completed();
            if (!secrets.equals(kept)) {
                JSON.writeValue(file.toFile(), secrets);
            }
            ownerOnly(file);
            return secrets;
        } catch (IOException e) {
            throw new DemoException("cannot read or write " + file + " (" + e.getMessage() + "): delete it, or start"
                    + " with --fresh", e);
        }
    }

    /** These secrets with every missing or too short one made afresh. */
    private DemoSecrets completed() {
        boolean keyUsable = jwtSecret != null && jwtSecret.getBytes(StandardCharsets.UTF_8).length >= JWT_SECRET_MIN_BYTES;
        return new DemoSecrets(keyUsable ? jwtSecret : hex(JWT_SECRET_MIN_BYTES),
                blank(adminPassword) ? "admin-" + hex(6) : adminPassword,
                blank(peoplePassword) ? "demo-" + hex(4) : peoplePassword);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): its default permissions apply
        }
    }
}
