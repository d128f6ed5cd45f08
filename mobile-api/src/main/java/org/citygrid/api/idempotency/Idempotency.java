package org.citygrid.api.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Function;
import org.citygrid.api.problem.ProblemException;

/**
 * Makes a POST safe to retry (mobile networks retry): the first request under an
 * {@code Idempotency-Key} runs, later ones with the same key and the same body get the first answer
 * back, and the same key with a different body is refused with 422, nothing done.
 *
 * <p>The work receives a seed derived from caller and key. Ids built from it (intake ids, command
 * ids) are the same on every attempt, so even a retry after a crash between publishing and
 * recording the answer publishes the same record again, which the case cycle recognises.
 */
@Singleton
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);

    private final IdempotencyStore store;
    private final ObjectMapper mapper;
    private final Clock clock;

    Idempotency(IdempotencyStore store, ObjectMapper mapper, Clock clock) {
        this.store = store;
        this.mapper = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.clock = clock;
    }

    /**
     * Runs {@code work} once per (owner, key).
     *
     * @param request the parsed request, hashed in a canonical form to recognise a different body
     * @param work    gets the deterministic seed; returns the status, Location and body to give
     */
    public <T> MutableHttpResponse<?> once(String owner, String key, Object request, Function<String, Answer<T>> work) {
        validateKey(key);
        String hash = hash(request);
        if (!store.claim(owner, key, hash, clock.instant())) {
            IdempotencyStore.Entry first = store.find(owner, key).orElseThrow(() -> inFlight(key));
            if (!first.requestHash().equals(hash)) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                        "Idempotency key reused", "the Idempotency-Key " + key
                        + " was already used for a different request; use a new key for a new request");
            }
            if (first.status() != null) {
                return replay(first);
            }
            if (Duration.between(first.createdAt(), clock.instant()).compareTo(ABANDONED_AFTER) < 0) {
                throw inFlight(key);
            }
            // the first attempt died without answering: this retry takes over under the same seed
        }
        Answer<T> answer;
        try {
            answer = work.apply(seed(owner, key));
        } catch (RuntimeException e) {
            store.release(owner, key);
            throw e;
        }
        store.complete(owner, key, answer.status().getCode(), answer.location(), json(answer.body()));
        return answer.toResponse().header("Idempotency-Replayed", "false");
    }

    private MutableHttpResponse<?> replay(IdempotencyStore.Entry first) {
        JsonNode body;
        try {
            body = mapper.readTree(first.responseJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer is not JSON", e);
        }
        MutableHttpResponse<JsonNode> response = HttpResponse.<JsonNode>status(HttpStatus.valueOf(first.status())).body(body);
        if (first.location() != null) {
            response.header("Location", first.location());
        }
        return response.header("Idempotency-Replayed", "true");
    }

    private static ProblemException inFlight(String key) {
        return new ProblemException(HttpStatus.CONFLICT, "idempotency-key-in-flight", "Request still in progress",
                "the first request with Idempotency-Key " + key + " is still being processed; retry shortly");
    }

    private static void validateKey(String key) {
        if (key == null || key.isBlank()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "idempotency-key-missing", "Idempotency-Key missing",
                    "every POST here needs an Idempotency-Key header (a UUID the app keeps for its retries)");
        }
        if (key.length() > 128 || !key.matches("[A-Za-z0-9._:-]+")) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "idempotency-key-invalid", "Idempotency-Key invalid",
                    "an Idempotency-Key has 1 to 128 characters of A-Z a-z 0-9 . _ : -");
        }
    }

    private String hash(Object request) {
        return sha256(json(request));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(mapper.valueToTree(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request as JSON", e);
        }
    }

    private static String seed(String owner, String key) {
        return sha256(owner + "\n" + key).substring(0, 16);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** What the first request answered. */
    public record Answer<T>(HttpStatus status, String location, T body) {
        MutableHttpResponse<T> toResponse() {
            MutableHttpResponse<T> r = HttpResponse.<T>status(status).body(body);
            if (location != null) {
                r.header("Location", location);
            }
            return r;
        }
    }
}
