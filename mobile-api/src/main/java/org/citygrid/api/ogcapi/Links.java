package org.citygrid.api.ogcapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Absolute links for one request. A client that authenticated with {@code ?key=} gets the key back
 * in every link, because GIS clients follow {@code next} links verbatim and would otherwise lose it on
 * page two; a key sent in the header stays out of links.
 */
final class Links {

    private final ObjectMapper mapper;
    private final String base;
    private final String key;
    private final ArrayNode links;

    /** @param key the map key the request carried in its query, or null */
    Links(ObjectMapper mapper, String host, String key) {
        this.mapper = mapper;
        this.base = host;
        this.key = key;
        this.links = mapper.createArrayNode();
    }

    /** The absolute URL of {@code path} with {@code query} parameters (null values are left out). */
    String url(String path, Map<String, String> query) {
        Map<String, String> all = new LinkedHashMap<>(query);
        if (key != null) {
            all.put(MapKeys.QUERY_PARAMETER, key);
        }
        StringBuilder url = new StringBuilder(base).append(path);
        char sep = '?';
        for (Map.Entry<String, String> e : all.entrySet()) {
            if (e.getValue() != null) {
                url.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return url.toString();
    }

    Links add(String rel, String type, String title, String path) {
        return add(rel, type, title, path, Map.of());
    }

    Links add(String rel, String type, String title, String path, Map<String, String> query) {
        ObjectNode link = links.addObject();
        link.put("href", url(path, query));
        link.put("rel", rel);
        link.put("type", type);
        link.put("title", title);
        return this;
    }

    /** A URL template (e.g. of vector tiles), marked {@code templated} so that clients fill it in. */
    Links addTemplate(String rel, String type, String title, String template) {
        ObjectNode link = links.addObject();
        link.put("href", url(template, Map.of()));
        link.put("rel", rel);
        link.put("type", type);
        link.put("title", title);
        link.put("templated", true);
        return this;
    }

    ArrayNode json() {
        return links;
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
