package org.citygrid.api.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;
import org.citygrid.api.errors.Conflict;
import org.citygrid.api.errors.DomainError;
import org.citygrid.api.errors.Forbidden;
import org.citygrid.api.errors.Invalid;
import org.citygrid.api.errors.Malformed;
import org.citygrid.api.errors.NotFound;
import org.citygrid.api.errors.Throttled;
import org.citygrid.api.errors.Unauthenticated;
import org.citygrid.api.errors.TooLarge;
import org.citygrid.api.errors.Unavailable;
import org.citygrid.api.errors.Unsupported;
import org.citygrid.api.open311.Open311Format;

/**
 * The one place where a domain error becomes an HTTP answer: its status, its problem details body
 * (or, on Open311 paths, GeoReport v2's error list) and its headers. Services throw
 * {@link DomainError}s; filters and the exception handler answer them through here.
 */
public final class DomainErrors {

    private DomainErrors() {
    }

    /** The HTTP status of each kind of refusal. */
    public static HttpStatus status(DomainError error) {
        return switch (error) {
            case Malformed m -> HttpStatus.BAD_REQUEST;
            case Invalid i -> HttpStatus.UNPROCESSABLE_ENTITY;
            case Unauthenticated u -> HttpStatus.UNAUTHORIZED;
            case Forbidden f -> HttpStatus.FORBIDDEN;
            case NotFound n -> HttpStatus.NOT_FOUND;
            case Conflict c -> HttpStatus.CONFLICT;
            case TooLarge t -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case Unsupported u -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case Throttled t -> HttpStatus.TOO_MANY_REQUESTS;
            case Unavailable u -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** The problem details body for {@code error} met on the request path {@code instance}. */
    public static Problem problem(DomainError error, String instance) {
        List<Problem.FieldError> errors = error.fieldErrors().stream()
                .map(f -> new Problem.FieldError(f.field(), f.message())).toList();
        return new Problem(Problem.type(error.reason()), error.title(), status(error).getCode(), error.detail(),
                instance, errors);
    }

    /** The whole answer to a request on {@code path} refused with {@code error}. */
    public static MutableHttpResponse<?> response(String path, DomainError error) {
        MutableHttpResponse<?> response;
        // a broker outage has always been answered as problem details, on Open311 paths too (issue 19
        // decides whether Open311 clients should get their own format for it)
        if (Open311Format.isOpen311(path) && !(error instanceof Unavailable)) {
            // GeoReport v2 knows no 422: a request its rules refuse is a 400 there
            HttpStatus status = error instanceof Invalid ? HttpStatus.BAD_REQUEST : status(error);
            response = open311(path, status.getCode(), error.detail(), HttpResponse.status(status));
        } else {
            response = HttpResponse.<Problem>status(status(error)).body(problem(error, path)).contentType(Problem.MEDIA_TYPE);
        }
        if (error instanceof Throttled t) {
            response.header("Retry-After", Long.toString(t.retryAfterSeconds()));
        }
        if (error instanceof Unavailable u && u.retryAfterSeconds() > 0) {
            response.header("Retry-After", Long.toString(u.retryAfterSeconds()));
        }
        return response;
    }

    /** {@code response} with GeoReport v2's error list as its body, in the format the path asks for. */
    static MutableHttpResponse<String> open311(String path, int code, String description, MutableHttpResponse<?> response) {
        Open311Format format = Open311Format.ofPath(path);
        @SuppressWarnings("unchecked")
        MutableHttpResponse<String> answer = (MutableHttpResponse<String>) response;
        return answer.body(format.error(code, description)).contentType(format.contentType());
    }
}
