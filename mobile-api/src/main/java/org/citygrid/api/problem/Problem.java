package org.citygrid.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Introspected;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}), the shape of every error this
 * API returns outside Open311 (which has its own error format).
 *
 * @param type     a URI naming the kind of problem; {@code about:blank} when the HTTP status says it all
 * @param title    short summary of the kind, the same for every occurrence
 * @param status   the HTTP status code, repeated so that a logged body stands on its own
 * @param detail   what went wrong this time, for a person
 * @param instance the request path the problem occurred on
 * @param errors   one entry per invalid field or part (extension member), empty otherwise
 */
@Introspected
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    /** Media type of a problem details body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Our problem types are URNs: they name a kind of problem without promising a page to fetch. */
    public static String type(String slug) {
        return "urn:citygrid:problem:" + slug;
    }

    /**
     * One invalid part of a request.
     *
     * @param field   the property path, e.g. {@code position.lon}
     * @param message what is wrong with it
     */
    @Introspected
    public record FieldError(String field, String message) {
    }
}
