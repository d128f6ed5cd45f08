package org.citygrid.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.micronaut.context.annotation.Primary;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Collectors;
import org.citygrid.api.open311.Open311Format;

/**
 * Turns every error Micronaut itself answers (unknown route, wrong method, unreadable JSON, failed
 * bean validation, missing or refused credentials...) into a problem details body, so that clients
 * meet one error shape whatever produced it. {@link Primary} because the framework's own processor
 * is package-private and cannot be named in {@code @Replaces}.
 */
@Primary
@Singleton
final class ProblemResponses implements ErrorResponseProcessor<Object> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        if (Open311Format.isOpen311(context.getRequest().getPath())) {
            // GeoReport v2 clients expect the spec's error list, not problem details
            String description = context.getErrors().stream().map(Error::getMessage).filter(StringUtils::hasText)
                    .findFirst().orElse(status.getReason());
            return (MutableHttpResponse<Object>) (MutableHttpResponse<?>) DomainErrors
                    .open311(context.getRequest().getPath(), status.getCode(), description, response);
        }
        Throwable root = context.getRootCause().map(ProblemResponses::innermost).orElse(null);
        if (root instanceof JsonMappingException mapping && !(root instanceof UnrecognizedPropertyException)) {
            // name the field and say what was wrong, without the parser's internals
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String why = firstLine(mapping.getOriginalMessage());
            Problem problem = new Problem(Problem.type("malformed-body"), "Malformed request body", status.getCode(),
                    field.isEmpty() ? why : field + ": " + why, context.getRequest().getPath(),
                    field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, why)));
            return response.body((Object) problem).contentType(Problem.MEDIA_TYPE);
        }
        if (root instanceof JsonProcessingException parse) {
            Problem problem = new Problem(Problem.type("malformed-body"), "Malformed request body", status.getCode(),
                    "the body is not valid JSON: " + firstLine(parse.getOriginalMessage()),
                    context.getRequest().getPath(), List.of());
            return response.body((Object) problem).contentType(Problem.MEDIA_TYPE);
        }
        List<Problem.FieldError> errors = context.getErrors().stream()
                .filter(e -> e.getPath().isPresent())
                .map(e -> new Problem.FieldError(fieldName(e.getPath().get()), e.getMessage()))
                .toList();
        String detail = context.getErrors().stream().map(Error::getMessage).filter(StringUtils::hasText)
                .findFirst().orElse(status.getReason());
        String slug = context.getRootCause().map(ProblemResponses::slugFor).orElse(null);
        Problem problem = new Problem(slug == null ? "about:blank" : Problem.type(slug), status.getReason(),
                status.getCode(), detail, context.getRequest().getPath(), errors);
        return response.body((Object) problem).contentType(Problem.MEDIA_TYPE);
    }

    // "create.request.description" -> "description": the method and parameter prefix means nothing to a client
    private static String fieldName(String path) {
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }

    private static Throwable innermost(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            if (c instanceof JsonProcessingException) {
                return c;
            }
            c = c.getCause();
        }
        return c;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String slugFor(Throwable cause) {
        String name = cause.getClass().getSimpleName();
        if (name.contains("ConstraintViolation")) {
            return "invalid-field";
        }
        if (name.startsWith("Json") || name.contains("Conversion") || name.contains("Mismatched")) {
            return "malformed-body";
        }
        return null;
    }
}
