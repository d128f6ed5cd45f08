package org.citygrid.api.ogcapi

import groovy.json.JsonSlurper
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.client.exceptions.HttpClientResponseException
import org.citygrid.api.testkit.ApiSpec

/** Base of the map specs: the API on the map database, map keys, and answers read as bytes and JSON. */
abstract class MapSpec extends ApiSpec {

    @Override
    Map<String, String> getProperties() {
        MapData.instance.properties()
    }

    /** A fresh read-only map key, issued the way an administrator's request does. */
    String mapKey() {
        context.getBean(MapKeys).issue('test desk').key()
    }

    /** GET {@code path} (or an absolute URL from a link) with the key in the header, or none. */
    MapResponse fetch(String path, String key = null, String bearer = null) {
        def request = HttpRequest.GET(path.startsWith('http') ? new URI(path).with { rawQuery ? "$rawPath?$rawQuery" : rawPath } : path)
        if (key != null) {
            request.header(MapKeys.HEADER, key)
        }
        if (bearer != null) {
            request.bearerAuth(bearer)
        }
        try {
            new MapResponse(http.toBlocking().exchange(request, byte[]))
        } catch (HttpClientResponseException e) {
            new MapResponse(e.response)
        }
    }

    static class MapResponse {
        final int status
        final String contentType
        final byte[] bytes

        MapResponse(HttpResponse<?> r) {
            status = r.status.code
            contentType = r.contentType.map { it.toString() }.orElse(null)
            bytes = r.getBody(byte[]).orElse(new byte[0])
        }

        Object getJson() { new JsonSlurper().parse(bytes) }

        /** The href of the link with relation {@code rel}, or null. */
        String link(String rel) { json.links.find { it.rel == rel }?.href }

        List<String> getIds() { json.features*.id }
    }
}
