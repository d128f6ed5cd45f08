package org.citygrid.api.errors;

import java.util.List;

/**
 * Why the API refuses a request, in the domain's terms: services and stores throw these and never
 * speak HTTP. Each kind is one subclass; the web layer maps each kind to its status and body in one
 * place ({@code problem.DomainErrors}), and Open311 paths to GeoReport v2's error list.
 *
 * <p>{@link #reason()} is the stable code a client can switch on (it becomes the problem's type,
 * {@code urn:citygrid:problem:<reason>}); {@link #title()} is the same for every occurrence of the
 * reason, {@link #getMessage()} says what went wrong this time.
 */
public abstract sealed class DomainError extends RuntimeException
        permits Malformed, Invalid, Unauthenticated, Forbidden, NotFound, Conflict, TooLarge, Unsupported, Throttled,
        Unavailable {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final String title;
    private final transient List<FieldError> fieldErrors;

    DomainError(String reason, String title, String detail, List<FieldError> fieldErrors) {
        super(detail);
        this.reason = reason;
        this.title = title;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** The stable code of this kind of refusal, e.g. {@code invalid-field} or {@code role-not-allowed}. */
    public String reason() {
        return reason;
    }

    public String title() {
        return title;
    }

    /** What this time's request got wrong: for people. */
    public String detail() {
        return getMessage();
    }

    /** One entry per invalid field, empty when the refusal is not about fields. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /**
     * One invalid part of a request.
     *
     * @param field   the property path, e.g. {@code position.lon}
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {
    }
}
