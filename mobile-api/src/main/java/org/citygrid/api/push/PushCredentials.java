package org.citygrid.api.push;

import com.google.auth.oauth2.GoogleCredentials;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The service-account credentials push uses, from {@code CITYGRID_FIREBASE_CREDENTIALS}; none means push is off. */
@Singleton
public class PushCredentials {

    private static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

    private final String file;

    public PushCredentials(@Nullable @Value("${citygrid.push.credentials-file:}") String file) {
        this.file = file;
    }

    public Optional<GoogleCredentials> load() {
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return Optional.of(GoogleCredentials.fromStream(in).createScoped(SCOPE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Firebase credentials in " + file, e);
        }
    }
}
