package org.citygrid.demo.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.citygrid.demo.DemoException;

/**
 * Secrets the demo makes on its first run and keeps in the data folder: mobile-api's JWT key (kept, so that a
 * phone signed in yesterday stays signed in) and the first administrator's password. Random per data folder,
 * never a default checked into the repository.
 *
 * @param jwtSecret     at least 256 bits, as mobile-api requires
 * @param adminPassword  the password of account {@code admin}
 * @param peoplePassword the password of the demo's other accounts (operator, handlers, grid workers, residents)
 */
public record DemoSecrets(String jwtSecret, String adminPassword, String peoplePassword) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static DemoSecrets loadOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return JSON.readValue(file.toFile(), DemoSecrets.class);
            }
            SecureRandom random = new SecureRandom();
            DemoSecrets secrets = new DemoSecrets(hex(random, 32), "admin-" + hex(random, 6), "demo-" + hex(random, 4));
            JSON.writeValue(file.toFile(), secrets);
            return secrets;
        } catch (IOException e) {
            throw new DemoException("cannot read or write " + file + " (" + e.getMessage() + "): delete it, or start"
                    + " with --fresh", e);
        }
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
