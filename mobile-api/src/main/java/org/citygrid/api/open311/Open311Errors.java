package org.citygrid.api.open311;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** GeoReport v2 errors, in the format the request's extension asked for. */
@Singleton
@Produces
public final class Open311Errors implements ExceptionHandler<Open311Exception, HttpResponse<String>> {

    @Override
    public HttpResponse<String> handle(HttpRequest request, Open311Exception e) {
        return Open311Format.ofPath(request.getPath()).error(e.code(), e.getMessage());
    }

    /** For errors the framework raises on Open311 paths (unknown route, unreadable form...). */
    public static MutableHttpResponse<String> answer(String path, int code, String description, MutableHttpResponse<?> response) {
        MutableHttpResponse<String> formatted = Open311Format.ofPath(path).error(code, description);
        return response.body(formatted.body()).contentType(formatted.getContentType().orElseThrow());
    }
}
