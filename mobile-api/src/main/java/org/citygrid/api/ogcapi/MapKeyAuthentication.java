package org.citygrid.api.ogcapi;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Authenticates a request to the map services ({@code /ogcapi}, {@code /tiles}) that carries a map key
 * in {@link MapKeys#HEADER} or {@code ?key=}, as role {@link MapKeys#ROLE}. Everywhere else a key means
 * nothing, so it can never stand in for a person's token on the rest of the API. A wrong key
 * authenticates nobody: the request is then anonymous and gets 401.
 */
@Singleton
class MapKeyAuthentication implements AuthenticationFetcher<HttpRequest<?>> {

    private final MapKeys keys;

    MapKeyAuthentication(MapKeys keys) {
        this.keys = keys;
    }

    static boolean isMapService(String path) {
        return path.equals("/ogcapi") || path.startsWith("/ogcapi/") || path.startsWith("/tiles/");
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        if (!isMapService(request.getPath())) {
            return Mono.empty();
        }
        String key = request.getHeaders().get(MapKeys.HEADER);
        if (key == null) {
            key = request.getParameters().get(MapKeys.QUERY_PARAMETER);
        }
        if (key == null) {
            return Mono.empty();
        }
        String presented = key;
        // a database lookup: off the event loop
        return Mono.fromCallable(() -> keys.verify(presented)
                        .map(id -> Authentication.build("map-key:" + id, List.of(MapKeys.ROLE), Map.of("mapKey", id)))
                        .orElse(null))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
