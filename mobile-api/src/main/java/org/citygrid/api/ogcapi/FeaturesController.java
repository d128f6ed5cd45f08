package org.citygrid.api.ogcapi;

import org.citygrid.api.accounts.Authorities;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.citygrid.api.errors.Malformed;
import org.citygrid.api.errors.NotFound;
import org.citygrid.api.map.Bbox;
import org.citygrid.api.map.MapLayer;

/**
 * OGC API - Features - Part 1: Core, with GeoJSON, over the read model's grids, cases and sensors,
 * for GIS tools (QGIS, GDAL's OAPIF driver). Operators with their token, or anyone with a read-only
 * map key; docs/map-services.md says how.
 */
@Controller("/ogcapi")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Authorities.CENTRE, MapKeys.ROLE})
@Tag(name = "ogcapi")
class FeaturesController {

    static final String GEO_JSON = "application/geo+json";
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;

    private static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");

    /** Query parameters of /items; any other is a 400, as Core requires, so that a typo is not silently ignored. */
    private static final Set<String> ITEMS_PARAMETERS = Stream.concat(
            ServiceDescription.ITEMS_PARAMETERS.stream(), Stream.of(MapKeys.QUERY_PARAMETER))
            .collect(Collectors.toUnmodifiableSet());

    private final FeatureStore store;
    private final ObjectMapper mapper;
    private final HttpHostResolver hosts;
    private final Clock clock;
    private final double[] cityBounds;

    FeaturesController(FeatureStore store, ObjectMapper mapper, HttpHostResolver hosts, Clock clock,
                       @Value("${citygrid.city.bounds:115.42,39.44,117.51,41.06}") String bounds) {
        this.store = store;
        this.mapper = mapper;
        this.hosts = hosts;
        this.clock = clock;
        this.cityBounds = java.util.Arrays.stream(bounds.split(",")).mapToDouble(s -> Double.parseDouble(s.strip())).toArray();
    }

    @Operation(summary = "OGC API - Features landing page")
    @Get
    HttpResponse<String> landing(HttpRequest<?> request) {
        Links links = links(request)
                .add("self", MediaType.APPLICATION_JSON, "This document", "/ogcapi")
                .add("service-desc", ServiceDescription.MEDIA_TYPE, "The OpenAPI 3.0 definition of this API", "/ogcapi/api")
                .add("service-doc", MediaType.TEXT_HTML, "The API's documentation", "/swagger-ui/index.html")
                .add("conformance", MediaType.APPLICATION_JSON, "Conformance classes", "/ogcapi/conformance")
                .add("data", MediaType.APPLICATION_JSON, "Collections", "/ogcapi/collections");
        ObjectNode body = mapper.createObjectNode();
        body.put("title", "CityGrid map services");
        body.put("description", "Unit grids, cases and sensors of the city's grid management, from the read model");
        body.set("links", links.json());
        return json(body, MediaType.APPLICATION_JSON);
    }

    @Operation(summary = "The OpenAPI 3.0 definition of /ogcapi (the landing page's service-desc)")
    @Get(value = "/api", produces = {ServiceDescription.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    HttpResponse<String> serviceDescription(HttpRequest<?> request) {
        return json(new ServiceDescription(mapper).document(hosts.resolve(request)), ServiceDescription.MEDIA_TYPE);
    }

    @Operation(summary = "Conformance classes implemented")
    @Get("/conformance")
    HttpResponse<String> conformance(HttpRequest<?> request) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode conformsTo = body.putArray("conformsTo");
        CONFORMANCE.forEach(conformsTo::add);
        body.set("links", links(request).add("self", MediaType.APPLICATION_JSON, "This document", "/ogcapi/conformance").json());
        return json(body, MediaType.APPLICATION_JSON);
    }

    @Operation(summary = "The feature collections: grids, cases, sensors")
    @Get("/collections")
    HttpResponse<String> collections(HttpRequest<?> request) {
        ObjectNode body = mapper.createObjectNode();
        body.set("links", links(request).add("self", MediaType.APPLICATION_JSON, "This document", "/ogcapi/collections").json());
        ArrayNode collections = body.putArray("collections");
        for (MapLayer layer : MapLayer.values()) {
            collections.add(collection(layer, request));
        }
        return json(body, MediaType.APPLICATION_JSON);
    }

    @Operation(summary = "One feature collection")
    @Get("/collections/{collectionId}")
    HttpResponse<String> collection(@PathVariable String collectionId, HttpRequest<?> request) {
        return json(collection(layer(collectionId), request), MediaType.APPLICATION_JSON);
    }

    @Operation(summary = "Features of a collection: bbox (CRS84), datetime, limit (default 100, max 10000), paged by next links")
    @Get(value = "/collections/{collectionId}/items", produces = {GEO_JSON, MediaType.APPLICATION_JSON})
    HttpResponse<String> items(@PathVariable String collectionId, HttpRequest<?> request) {
        MapLayer layer = layer(collectionId);
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : request.getParameters().names()) {
            if (!ITEMS_PARAMETERS.contains(name)) {
                throw Malformed.request("unknown-parameter", "unknown query parameter '" + name
                        + "'; /items takes " + String.join(", ", ITEMS_PARAMETERS.stream().sorted().toList()));
            }
        }
        String format = format(request);
        String bboxText = request.getParameters().get("bbox");
        String datetime = request.getParameters().get("datetime");
        String after = request.getParameters().get("after");
        Bbox bbox = Bbox.ofQuery(bboxText);
        TimeFilter time = TimeFilter.parse(datetime);
        int limit = limit(request.getParameters().get("limit"));

        FeatureStore.Page page = store.page(layer, bbox, time, after, limit);
        String path = "/ogcapi/collections/" + layer.id() + "/items";
        query.put("bbox", bboxText);
        query.put("datetime", datetime);
        query.put("limit", Integer.toString(limit));
        Links links = links(request);
        links.add("self", mediaType(format), "This page", path, with(query, "after", after, "f", fParam(format)));
        links.add("alternate", mediaType(other(format)), "This page as " + mediaType(other(format)), path,
                with(query, "after", after, "f", fParam(other(format))));
        links.add("collection", MediaType.APPLICATION_JSON, layer.title(), "/ogcapi/collections/" + layer.id());
        if (page.more()) {
            links.add("next", mediaType(format), "Next page", path, with(query, "after", page.lastId(), "f", fParam(format)));
        }
        ObjectNode body = mapper.createObjectNode();
        body.put("type", "FeatureCollection");
        body.putRawValue("features", new RawValue("[" + String.join(",", page.features()) + "]"));
        body.set("links", links.json());
        body.put("timeStamp", clock.instant().toString());
        if (after == null) {
            // counted on the first page only: a count over a large bbox costs a scan of its index,
            // and a client paging on already knows it
            body.put("numberMatched", store.count(layer, bbox, time));
        }
        body.put("numberReturned", page.features().size());
        return json(body, mediaType(format));
    }

    @Operation(summary = "One feature by id (case id, grid code or device id)")
    @Get(value = "/collections/{collectionId}/items/{featureId}", produces = {GEO_JSON, MediaType.APPLICATION_JSON})
    HttpResponse<String> feature(@PathVariable String collectionId, @PathVariable String featureId, HttpRequest<?> request) {
        MapLayer layer = layer(collectionId);
        String format = format(request);
        String feature = store.byId(layer, featureId).orElseThrow(() -> new NotFound(
                "no feature '" + featureId + "' in collection " + layer.id()));
        ObjectNode body;
        try {
            body = (ObjectNode) mapper.readTree(feature);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostGIS wrote a feature that is not JSON", e);
        }
        String path = "/ogcapi/collections/" + layer.id() + "/items/" + java.net.URLEncoder.encode(featureId,
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        body.set("links", links(request)
                .add("self", mediaType(format), "This feature", path, Map.of("f", fParam(format)))
                .add("alternate", mediaType(other(format)), "This feature as " + mediaType(other(format)), path,
                        Map.of("f", fParam(other(format))))
                .add("collection", MediaType.APPLICATION_JSON, layer.title(), "/ogcapi/collections/" + layer.id())
                .json());
        return json(body, mediaType(format));
    }

    private ObjectNode collection(MapLayer layer, HttpRequest<?> request) {
        ObjectNode c = mapper.createObjectNode();
        c.put("id", layer.id());
        c.put("title", layer.title());
        c.put("description", layer.description());
        c.put("itemType", "feature");
        c.putArray("crs").add(CRS84);
        ObjectNode spatial = c.putObject("extent").putObject("spatial");
        // the managed city's box: every position is checked against it on the way in, so it holds every
        // feature without scanning a million rows for the exact extent
        ArrayNode box = spatial.putArray("bbox").addArray();
        for (double v : cityBounds) {
            box.add(v);
        }
        spatial.put("crs", CRS84);
        if (layer.timeColumn() != null) {
            ObjectNode temporal = ((ObjectNode) c.get("extent")).putObject("temporal");
            temporal.putArray("interval").addArray().addNull().addNull();
            temporal.put("trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
        }
        String path = "/ogcapi/collections/" + layer.id();
        c.set("links", links(request)
                .add("self", MediaType.APPLICATION_JSON, layer.title(), path)
                .add("items", GEO_JSON, layer.title() + " as GeoJSON", path + "/items")
                .addTemplate("alternate", "application/vnd.mapbox-vector-tile", layer.title() + " as Mapbox vector tiles",
                        "/tiles/" + layer.id() + "/{z}/{x}/{y}.mvt")
                .json());
        return c;
    }

    private Links links(HttpRequest<?> request) {
        return new Links(mapper, hosts.resolve(request), request.getParameters().get(MapKeys.QUERY_PARAMETER));
    }

    private static MapLayer layer(String id) {
        return MapLayer.byId(id).orElseThrow(() -> new NotFound(
                "no collection '" + id + "'; the collections are grids, cases and sensors"));
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw Malformed.request("invalid-limit", "limit=" + text + ": not a whole number");
        }
        if (limit < 1) {
            throw Malformed.request("invalid-limit", "limit=" + text + ": at least 1");
        }
        // Core: a limit above the maximum is not an error, the maximum applies
        return Math.min(limit, MAX_LIMIT);
    }

    /** {@code f=geojson} (the default) or {@code f=json}: the same document as application/geo+json or application/json. */
    private static String format(HttpRequest<?> request) {
        String f = request.getParameters().get("f");
        if (f == null || f.equals("geojson")) {
            return GEO_JSON;
        }
        if (f.equals("json")) {
            return MediaType.APPLICATION_JSON;
        }
        throw Malformed.request("invalid-format", "f=" + f + ": the formats are geojson and json");
    }

    private static String mediaType(String format) {
        return format;
    }

    private static String other(String format) {
        return format.equals(GEO_JSON) ? MediaType.APPLICATION_JSON : GEO_JSON;
    }

    private static String fParam(String format) {
        return format.equals(GEO_JSON) ? "geojson" : "json";
    }

    private static Map<String, String> with(Map<String, String> query, String k1, String v1, String k2, String v2) {
        Map<String, String> all = new LinkedHashMap<>(query);
        all.put(k1, v1);
        all.put(k2, v2);
        return all;
    }

    private HttpResponse<String> json(ObjectNode body, String mediaType) {
        try {
            return HttpResponse.ok(mapper.writeValueAsString(body)).contentType(mediaType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
