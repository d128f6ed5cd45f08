package org.citygrid.api.crs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.ArrayList;
import java.util.List;
import org.citygrid.api.errors.Malformed;
import org.citygrid.api.problem.DomainErrors;
import org.citygrid.model.geo.Crs;

/**
 * Positions in the coordinate system the client asks for ({@link ClientCrs}), on every view of the
 * API that shows one ({@link Located}: a case, a report, a task, a nearby problem; alone or in a
 * list). Done here, once, rather than in each controller, so that no view can forget it; the answer
 * says what it holds in {@code Content-Crs}. A name the API does not know is a 400 before anything
 * runs. Runs after the security filter, so that an anonymous caller still gets its 401 first.
 */
@ServerFilter("/api/v1/**")
final class CrsFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.order();
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> check(HttpRequest<?> request) {
        try {
            crs(request);
            return null;
        } catch (Malformed e) {
            return DomainErrors.response(request.getPath(), e);
        }
    }

    @ResponseFilter
    void convert(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Object body = response.getBody().orElse(null);
        if (body == null || !(body instanceof Located<?> || body instanceof List<?>)) {
            return;
        }
        Crs crs = crs(request);
        Object converted = convert(body, crs);
        if (converted != null) {
            @SuppressWarnings("unchecked")
            MutableHttpResponse<Object> answer = (MutableHttpResponse<Object>) response;
            answer.body(converted);
            answer.header(ClientCrs.CONTENT_HEADER, crs.wireName());
        }
    }

    /** {@code body} with its positions in {@code crs}, or null when it shows none. */
    private static Object convert(Object body, Crs crs) {
        if (body instanceof Located<?> one) {
            return one.in(crs);
        }
        List<?> list = (List<?>) body;
        if (list.isEmpty() || !(list.get(0) instanceof Located<?>)) {
            return null;
        }
        List<Object> out = new ArrayList<>(list.size());
        for (Object item : list) {
            out.add(item instanceof Located<?> l ? l.in(crs) : item);
        }
        return out;
    }

    private static Crs crs(HttpRequest<?> request) {
        return ClientCrs.of(request.getParameters().get(ClientCrs.PARAMETER), request.getHeaders().get(ClientCrs.HEADER));
    }
}
