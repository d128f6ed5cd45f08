package org.citygrid.demo.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

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
        return send("POST", path, token, new RawBody(body, contentType), null);
    }

    private record RawBody(byte[] bytes, String contentType) {
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
