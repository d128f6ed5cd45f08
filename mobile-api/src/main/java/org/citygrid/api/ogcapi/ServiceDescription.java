package org.citygrid.api.ogcapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.citygrid.api.map.MapLayer;

/**
 * The OpenAPI 3.0 definition of /ogcapi, which the landing page links as {@code service-desc}: OGC API -
 * Features Core requires one, and clients and the OGC conformance suite read from it which collections
 * exist and which query parameters {@code /items} takes. It lists every parameter the controller
 * accepts ({@link #ITEMS_PARAMETERS} is also the controller's check for unknown ones), so the two
 * cannot drift apart. Written here rather than generated: the generated document of the whole API
 * (Swagger UI, {@code service-doc}) does not describe OGC's style of parameters (e.g. bbox as a
 * comma-separated array of numbers).
 */
final class ServiceDescription {

    static final String MEDIA_TYPE = "application/vnd.oai.openapi+json;version=3.0";

    /** The query parameters of /items (the map key's {@code key} is a security scheme, not listed here). */
    static final List<String> ITEMS_PARAMETERS = List.of("bbox", "datetime", "limit", "f", "after");

    private static final String PROBLEM = "application/problem+json";

    private final ObjectMapper mapper;

    ServiceDescription(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The document for a server whose /ogcapi is at {@code base} (scheme, host and port as the client sees them). */
    ObjectNode document(String base) {
        ObjectNode doc = mapper.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "CityGrid map services");
        info.put("version", "1.0.0");
        info.put("description", "OGC API - Features - Part 1: Core with GeoJSON over the unit grids, cases and sensors "
                + "of the city's grid management (docs/map-services.md). A read-only map key in the X-API-Key header "
                + "or the key query parameter, or an operator's access token.");
        doc.putArray("servers").addObject().put("url", base + "/ogcapi");
        security(doc);
        ObjectNode paths = doc.putObject("paths");
        ObjectNode json = content("application/json");
        get(paths, "/", "getLandingPage", "Landing page", json, false);
        get(paths, "/conformance", "getConformanceDeclaration", "The conformance classes implemented", json, false);
        get(paths, "/collections", "getCollections", "The feature collections: grids, cases, sensors", json, false);
        get(paths, "/collections/{collectionId}", "describeCollection", "One feature collection", json, true)
                .withArray("parameters").add(collectionId());
        ObjectNode geo = content(FeaturesController.GEO_JSON, "application/json");
        ArrayNode items = get(paths, "/collections/{collectionId}/items", "getFeatures",
                "Features of a collection, paged by next links", geo, true).withArray("parameters");
        items.add(collectionId());
        items.add(bbox());
        items.add(datetime());
        items.add(limit());
        items.add(format());
        items.add(query("after", "The paging cursor: the server writes it into next links; treat those as opaque",
                mapper.createObjectNode().put("type", "string")));
        ArrayNode feature = get(paths, "/collections/{collectionId}/items/{featureId}", "getFeature",
                "One feature: a grid code, a case id or a device id", geo, true).withArray("parameters");
        feature.add(collectionId());
        feature.add(mapper.createObjectNode().put("name", "featureId").put("in", "path").put("required", true)
                .put("description", "A grid code, a case id or a device id")
                .set("schema", mapper.createObjectNode().put("type", "string")));
        feature.add(format());
        return doc;
    }

    private void security(ObjectNode doc) {
        ObjectNode schemes = doc.putObject("components").putObject("securitySchemes");
        schemes.putObject("mapKeyHeader").put("type", "apiKey").put("in", "header").put("name", MapKeys.HEADER);
        schemes.putObject("mapKeyQuery").put("type", "apiKey").put("in", "query").put("name", MapKeys.QUERY_PARAMETER);
        schemes.putObject("operatorToken").put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
        ArrayNode security = doc.putArray("security");
        schemes.fieldNames().forEachRemaining(name -> security.addObject().putArray(name));
    }

    private ObjectNode get(ObjectNode paths, String path, String operationId, String summary, ObjectNode content,
                           boolean mayBeMissing) {
        ObjectNode get = paths.putObject(path).putObject("get");
        get.put("operationId", operationId);
        get.put("summary", summary);
        get.putArray("tags").add("ogcapi");
        ObjectNode responses = get.putObject("responses");
        responses.putObject("200").put("description", summary).set("content", content);
        if (mayBeMissing) {
            problem(responses, "400", "A malformed or unknown query parameter");
            problem(responses, "404", "No such collection or feature");
        }
        problem(responses, "401", "No credentials, or a wrong or disabled map key");
        return get;
    }

    private void problem(ObjectNode responses, String status, String description) {
        responses.putObject(status).put("description", description).set("content", content(PROBLEM));
    }

    private ObjectNode content(String... mediaTypes) {
        ObjectNode content = mapper.createObjectNode();
        for (String type : mediaTypes) {
            content.putObject(type).putObject("schema").put("type", "object");
        }
        return content;
    }

    private ObjectNode collectionId() {
        ObjectNode schema = mapper.createObjectNode().put("type", "string");
        ArrayNode ids = schema.putArray("enum");
        for (MapLayer layer : MapLayer.values()) {
            ids.add(layer.id());
        }
        return mapper.createObjectNode().put("name", "collectionId").put("in", "path").put("required", true)
                .put("description", "The collection").set("schema", schema);
    }

    private ObjectNode bbox() {
        ObjectNode schema = mapper.createObjectNode().put("type", "array").put("minItems", 4).put("maxItems", 6);
        schema.putObject("items").put("type", "number");
        return query("bbox", "minLon,minLat,maxLon,maxLat in CRS84 (six numbers with heights are accepted, the "
                + "heights ignored); features whose geometry intersects the box", schema);
    }

    private ObjectNode datetime() {
        return query("datetime", "An RFC 3339 instant, a date, or an interval start/end with either end open (.. or "
                + "empty): cases by reported_at, sensors by observed_at; grids have no time",
                mapper.createObjectNode().put("type", "string"));
    }

    private ObjectNode limit() {
        return query("limit", "Features per page; above the maximum, the maximum applies",
                mapper.createObjectNode().put("type", "integer").put("minimum", 1)
                        .put("maximum", FeaturesController.MAX_LIMIT).put("default", FeaturesController.DEFAULT_LIMIT));
    }

    private ObjectNode format() {
        ObjectNode schema = mapper.createObjectNode().put("type", "string").put("default", "geojson");
        schema.putArray("enum").add("geojson").add("json");
        return query("f", "geojson (application/geo+json) or json (the same document as application/json)", schema);
    }

    private ObjectNode query(String name, String description, ObjectNode schema) {
        ObjectNode p = mapper.createObjectNode().put("name", name).put("in", "query").put("required", false)
                .put("description", description).put("style", "form").put("explode", false);
        p.set("schema", schema);
        return p;
    }
}
