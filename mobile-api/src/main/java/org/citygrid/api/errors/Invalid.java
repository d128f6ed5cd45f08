package org.citygrid.api.errors;

import java.util.List;

/** A well-formed request the domain's rules refuse: a field out of range, an action that does not decode (HTTP 422). */
public final class Invalid extends DomainError {

    private static final long serialVersionUID = 1L;

    public Invalid(String reason, String title, String detail) {
        super(reason, title, detail, List.of());
    }

    /** One field is wrong; the detail reads {@code field: message}. */
    public static Invalid field(String field, String message) {
        return new Invalid(field, message);
    }

    /**
     * Several fields, or one several times, are wrong, each with a message that names its field (the text
     * rules' messages do, in Chinese and English); the detail is the messages joined.
     */
    public static Invalid fields(List<FieldError> errors) {
        return new Invalid(errors);
    }

    private Invalid(String field, String message) {
        super("invalid-field", "Invalid field", field + ": " + message, List.of(new FieldError(field, message)));
    }

    private Invalid(List<FieldError> errors) {
        super("invalid-field", "Invalid field",
                String.join("; ", errors.stream().map(FieldError::message).toList()), errors);
    }
}
