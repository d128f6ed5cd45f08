package org.citygrid.api.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.citygrid.api.errors.Conflict;
import org.citygrid.api.errors.Invalid;
import org.citygrid.api.errors.Malformed;
import org.citygrid.model.hash.Sha256;

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
     * @return the answer to give: this run's, or the first run's when this is a retry
     */
    public <T> Reply once(String owner, String key, Object request, Function<String, Answer<T>> work) {
        validateKey(key);
        String hash = Sha256.hex(json(request));
        if (!store.claim(owner, key, hash, clock.instant())) {
            IdempotencyStore.Entry first = store.find(owner, key).orElseThrow(() -> inFlight(key));
            if (!first.requestHash().equals(hash)) {
                throw new Invalid("idempotency-key-reused", "Idempotency key reused", "the Idempotency-Key " + key
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
        store.complete(owner, key, answer.status(), answer.location(), json(answer.body()));
        return new Reply(answer.status(), answer.location(), answer.body(), false);
    }

    private Reply replay(IdempotencyStore.Entry first) {
        JsonNode body;
        try {
            body = mapper.readTree(first.responseJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer is not JSON", e);
        }
        return new Reply(first.status(), first.location(), body, true);
    }

    private static Conflict inFlight(String key) {
        return new Conflict("idempotency-key-in-flight", "Request still in progress",
                "the first request with Idempotency-Key " + key + " is still being processed; retry shortly");
    }

    private static void validateKey(String key) {
        if (key == null || key.isBlank()) {
            throw new Malformed("idempotency-key-missing", "Idempotency-Key missing",
                    "every POST here needs an Idempotency-Key header (a UUID the app keeps for its retries)");
        }
        if (key.length() > 128 || !key.matches("[A-Za-z0-9._:-]+")) {
            throw new Malformed("idempotency-key-invalid", "Idempotency-Key invalid",
                    "an Idempotency-Key has 1 to 128 characters of A-Z a-z 0-9 . _ : -");
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(mapper.valueToTree(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request as JSON", e);
        }
    }

    private static String seed(String owner, String key) {
        return Sha256.hex(owner + "\n" + key).substring(0, 16);
    }

    /**
     * What a run of the work answers: the status code the answer has (kept to be given again to
     * retries), where to follow up, and the body.
     */
    public record Answer<T>(int status, String location, T body) {

        /** Handed on for later processing (202); {@code location} is where to follow it. */
        public static <T> Answer<T> accepted(String location, T body) {
            return new Answer<>(202, location, body);
        }

        /** Made at once (201); {@code location} is where it is. */
        public static <T> Answer<T> created(String location, T body) {
            return new Answer<>(201, location, body);
        }
    }

    /**
     * The answer to give a request: this run's or, when {@code replayed}, the first run's (its body
     * then read back from storage as JSON).
     */
    public record Reply(int status, String location, Object body, boolean replayed) {
    }
}
