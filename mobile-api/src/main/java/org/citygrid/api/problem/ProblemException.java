package org.citygrid.api.problem;

import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * Thrown by any layer to answer the request with a problem details body; the handler turns it into
 * the response, so controllers never build error responses by hand.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final transient List<Problem.FieldError> errors;

    public ProblemException(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public ProblemException(HttpStatus status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, slug, "Invalid request", detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-field", "Invalid field",
                field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", what);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public HttpStatus status() {
        return status;
    }

    /** Extra response headers, e.g. Retry-After. */
    public java.util.Map<String, String> headers() {
        return java.util.Map.of();
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status.getCode(), getMessage(), instance, errors);
    }
}
