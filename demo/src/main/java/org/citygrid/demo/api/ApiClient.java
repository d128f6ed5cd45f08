package org.citygrid.demo.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small client of mobile-api's documented HTTP API (docs/mobile-api.md): sign-in for a bearer token, GETs,
 * and POSTs with an {@code Idempotency-Key}, as a phone app sends them.
 */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param base e.g. {@code http://127.0.0.1:8080} */
    public ApiClient(URI base) {
        this.base = base;
    }

    /** One HTTP answer: its status and its JSON body (a missing node when it had none). */
    public record Response(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Signs in and returns the access token.
     *
     * @throws ApiException when the credentials are refused or the API cannot be reached
     */
    public String signIn(String username, String password) {
        Response r = send("POST", "/api/v1/auth/sign-in", null,
                JSON.createObjectNode().put("username", username).put("password", password), null);
        if (!r.ok() || !r.body().hasNonNull("access_token")) {
            throw new ApiException("sign-in as " + username + " at " + base + " failed: HTTP " + r.status() + " " + r.body());
        }
        return r.body().get("access_token").asText();
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Response post(String path, String token, Object body, String idempotencyKey) {
        return send("POST", path, token, body, idempotencyKey);
    }

    /** POSTs raw bytes, e.g. a photo to {@code /api/v1/photos}. */
    public Response postBytes(String path, String token, byte[] body, String contentType) {
        return postBytes(path, token, body, contentType, null);
    }

    /** POSTs raw bytes as they are, e.g. a body that is not JSON for an entry that wants JSON (the poison drill). */
    public Response postBytes(String path, String token, byte[] body, String contentType, String idempotencyKey) {
        return send("POST", path, token, new RawBody(body, contentType), idempotencyKey);
    }

    private record RawBody(byte[] bytes, String contentType) {
    }

    /**
     * Opens a server-sent event stream ({@code text/event-stream}), e.g. {@code /api/v1/operator/live}. The
     * request has no timeout: the stream stays open until the server ends it or the caller closes it.
     *
     * @throws ApiException when the API cannot be reached
     */
    public EventStream openStream(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).GET().build();
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            return new EventStream(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new ApiException("cannot reach " + base + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted opening " + base + path, e);
        }
    }

    /** One server-sent event: its name ({@code event:}), id, and data as JSON (text when it is not JSON). */
    public record ServerSentEvent(String name, String id, JsonNode data) {
    }

    /**
     * An open event stream. {@link #next()} blocks for the next event; {@link #close()} (from any thread) ends
     * the stream, which makes a blocked {@code next()} return null.
     */
    public static final class EventStream implements AutoCloseable {
        private final int status;
        private final Stream<String> lines;
        private final Iterator<String> iterator;

        EventStream(int status, Stream<String> lines) {
            this.status = status;
            this.lines = lines;
            this.iterator = lines.iterator();
        }

        /** HTTP status of the answer: 200 when events will come. */
        public int status() {
            return status;
        }

        /** The next event, or null when the stream has ended (or was closed, or the status was not 200). */
        public ServerSentEvent next() {
            if (status != 200) {
                return null;
            }
            String name = "message";
            String id = null;
            StringBuilder data = null;
            try {
                while (iterator.hasNext()) {
                    String line = iterator.next();
                    if (line.isEmpty()) {
                        if (data != null) { // a blank line ends an event; one without data is not dispatched
                            return new ServerSentEvent(name, id, parse(data.toString().getBytes(StandardCharsets.UTF_8)));
                        }
                        name = "message";
                        id = null;
                        continue;
                    }
                    if (line.startsWith(":")) {
                        continue; // a comment, e.g. a keep-alive
                    }
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    switch (field) {
                        case "event" -> name = value;
                        case "id" -> id = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> {
                        }
                    }
                }
            } catch (RuntimeException e) {
                return null; // closed under us, or the connection broke: the stream is over either way
            }
            return null;
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    public URI base() {
        return base;
    }

    private Response send(String method, String path, String token, Object body, String idempotencyKey) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                    .header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            if (body instanceof RawBody raw) {
                request.header("Content-Type", raw.contentType())
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(raw.bytes()));
            } else if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            JsonNode json = bytes.length == 0 ? JSON.missingNode() : parse(bytes);
            return new Response(response.statusCode(), json);
        } catch (IOException e) {
            throw new ApiException("cannot reach " + base + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted calling " + base + path, e);
        }
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
