package org.citygrid.demo.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where mobile-api serves the phone app for residents and grid workers, if it serves one: the demo prints the
 * address only when a page is really there, so that it never sends a person to a 404.
 */
public final class PhoneApp {
    /** Where the app lives (issue 17: {@code /app}), in the forms a static page may answer on. */
    static final List<String> PATHS = List.of("/app", "/app/", "/app/index.html");

    private PhoneApp() {
    }

    /** The first of {@link #PATHS} that answers 200 with an HTML page to an anonymous GET, if any. */
    public static Optional<URI> address(URI apiBase) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        for (String path : PATHS) {
            URI uri = apiBase.resolve(path);
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                boolean html = response.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
                if (response.statusCode() == 200 && html) {
                    return Optional.of(uri);
                }
            } catch (IOException e) {
                return Optional.empty(); // mobile-api is not there at all
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
