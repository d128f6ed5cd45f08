package org.citygrid.api.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.citygrid.api.errors.DomainError;

/** Answers a {@link DomainError} thrown anywhere below a controller, as {@link DomainErrors} says. */
@Produces(Problem.MEDIA_TYPE)
@Singleton
@Requires(classes = {DomainError.class, ExceptionHandler.class})
final class DomainErrorHandler implements ExceptionHandler<DomainError, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, DomainError error) {
        return DomainErrors.response(request.getPath(), error);
    }
}
