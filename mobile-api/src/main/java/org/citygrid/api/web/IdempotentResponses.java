package org.citygrid.api.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import org.citygrid.api.idempotency.Idempotency;

/**
 * An idempotent POST's reply as the HTTP answer: its status, its {@code Location} and
 * {@code Idempotency-Replayed}, which tells a retrying client that it got the first answer again.
 */
public final class IdempotentResponses {

    public static final String REPLAYED = "Idempotency-Replayed";

    private IdempotentResponses() {
    }

    public static MutableHttpResponse<?> of(Idempotency.Reply reply) {
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.valueOf(reply.status())).body(reply.body());
        if (reply.location() != null) {
            response.header("Location", reply.location());
        }
        return response.header(REPLAYED, Boolean.toString(reply.replayed()));
    }
}
