package org.citygrid.model.grid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Reads and writes a district's unit grids as an RFC 7946 GeoJSON FeatureCollection.
 *
 * <p>The format, one feature per grid, WGS 84 longitude/latitude:
 * <pre>
 * { "type": "FeatureCollection",
 *   "district": { "code": "110101", "name": "东城区", "nameEn": "Dongcheng District" },
 *   "features": [
 *     { "type": "Feature", "id": "110101001001001",
 *       "geometry": { "type": "Polygon", "coordinates": [ [ [116.39, 39.91], ... ] ] },
 *       "properties": {
 *         "code": "110101001001001", "name": "...", "nameEn": "...",
 *         "streetCode": "110101001", "streetName": "东华门街道", "streetNameEn": "...",
 *         "communityCode": "110101001001", "communityName": "...", "communityNameEn": "..." } } ] }
 * </pre>
 * {@code district} is a foreign member (RFC 7946 §6.1); without it the district is named by its
 * code, and all grids must then share one county code. {@code nameEn}, {@code streetNameEn} and
 * {@code communityNameEn} are optional. Geometries are Polygon or MultiPolygon; rings must be
 * closed and have at least four positions; ring orientation is accepted either way on reading and
 * written counter-clockwise for shells as RFC 7946 asks.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class GridGeoJson {

    private static final Set<String> POLYGONAL = Set.of("Polygon", "MultiPolygon");

    private final ObjectMapper mapper;
    private final GeometryFactory geometryFactory;

    /** A reader and writer using a plain {@link ObjectMapper} and a floating-precision factory. */
    public GridGeoJson() {
        this(new ObjectMapper(), new GeometryFactory(new PrecisionModel(), 4326));
    }

    public GridGeoJson(ObjectMapper mapper, GeometryFactory geometryFactory) {
        this.mapper = mapper;
        this.geometryFactory = geometryFactory;
    }

    /** Reads a grid file. */
    public GridHierarchy read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read grid file " + file, e);
        }
    }

    /**
     * Reads a FeatureCollection of unit grids.
     *
     * @throws GridDataFormatException naming the feature index and grid code of malformed input
     */
    public GridHierarchy read(InputStream in) {
        JsonNode root;
        try {
            root = mapper.readTree(in);
        } catch (JsonProcessingException e) {
            throw new GridDataFormatException("grid data is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asText(null))) {
            throw new GridDataFormatException("grid data must be a GeoJSON object with \"type\": \"FeatureCollection\"");
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            throw new GridDataFormatException("FeatureCollection has no \"features\" array");
        }
        List<UnitGrid> grids = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            grids.add(readFeature(features.get(i), i));
        }
        return GridHierarchy.of(readDistrict(root.get("district"), grids), grids);
    }

    private District readDistrict(JsonNode node, List<UnitGrid> grids) {
        if (node != null && !node.isNull()) {
            if (!node.isObject()) {
                throw new GridDataFormatException("\"district\" must be an object with code, name and nameEn");
            }
            try {
                return new District(requiredText(node, "code"), new AreaName(requiredText(node, "name"), optionalText(node, "nameEn")));
            } catch (IllegalArgumentException e) {
                throw new GridDataFormatException("\"district\": " + e.getMessage());
            }
        }
        Set<String> counties = new TreeSet<>();
        grids.forEach(g -> counties.add(g.code().county()));
        if (counties.size() != 1) {
            throw new GridDataFormatException("without a \"district\" member all grids must share one county code, found " + counties);
        }
        String county = counties.iterator().next();
        return new District(county, AreaName.zh(county));
    }

    private UnitGrid readFeature(JsonNode feature, int index) {
        String code = null;
        try {
            if (feature == null || !feature.isObject() || !"Feature".equals(feature.path("type").asText(null))) {
                throw new IllegalArgumentException("is not a GeoJSON object with \"type\": \"Feature\"");
            }
            JsonNode p = feature.get("properties");
            if (p == null || !p.isObject()) {
                throw new IllegalArgumentException("has no \"properties\" object");
            }
            code = p.path("code").isTextual() ? p.get("code").asText() : null;
            GridCode gridCode = GridCode.parse(requiredText(p, "code"));
            Street street = new Street(requiredText(p, "streetCode"),
                    new AreaName(requiredText(p, "streetName"), optionalText(p, "streetNameEn")));
            Community community = new Community(requiredText(p, "communityCode"),
                    new AreaName(requiredText(p, "communityName"), optionalText(p, "communityNameEn")));
            AreaName name = new AreaName(requiredText(p, "name"), optionalText(p, "nameEn"));
            return new UnitGrid(gridCode, name, street, community, readGeometry(feature.get("geometry")));
        } catch (IllegalArgumentException e) {
            String who = "feature #" + index + (code == null ? "" : " (code " + code + ")");
            throw new GridDataFormatException(who + ": " + e.getMessage(), index, e);
        }
    }

    private Geometry readGeometry(JsonNode geometry) {
        if (geometry == null || geometry.isNull()) {
            throw new IllegalArgumentException("has no geometry");
        }
        String type = geometry.path("type").asText(null);
        if (!POLYGONAL.contains(type)) {
            throw new IllegalArgumentException("geometry must be a Polygon or MultiPolygon, not " + type);
        }
        JsonNode coordinates = geometry.get("coordinates");
        if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
            throw new IllegalArgumentException(type + " has no coordinates");
        }
        if (type.equals("Polygon")) {
            return readPolygon(coordinates, "");
        }
        Polygon[] polygons = new Polygon[coordinates.size()];
        for (int i = 0; i < polygons.length; i++) {
            polygons[i] = readPolygon(coordinates.get(i), "polygon " + i + ", ");
        }
        return geometryFactory.createMultiPolygon(polygons);
    }

    private Polygon readPolygon(JsonNode rings, String where) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException(where + "polygon must be a non-empty array of rings");
        }
        LinearRing shell = readRing(rings.get(0), where + "ring 0");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = readRing(rings.get(i), where + "ring " + i);
        }
        return geometryFactory.createPolygon(shell, holes);
    }

    private LinearRing readRing(JsonNode ring, String where) {
        if (!ring.isArray() || ring.size() < 4) {
            throw new IllegalArgumentException(where + " must be an array of at least 4 positions");
        }
        Coordinate[] coordinates = new Coordinate[ring.size()];
        for (int i = 0; i < coordinates.length; i++) {
            JsonNode position = ring.get(i);
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                throw new IllegalArgumentException(where + ", position " + i + " must be [longitude, latitude]: " + position);
            }
            double lon = position.get(0).doubleValue();
            double lat = position.get(1).doubleValue();
            if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                throw new IllegalArgumentException(where + ", position " + i + " is out of range (longitude first): " + position);
            }
            coordinates[i] = new Coordinate(lon, lat);
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new IllegalArgumentException(where + " is not closed: first and last positions differ");
        }
        return geometryFactory.createLinearRing(coordinates);
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("property \"" + field + "\" is missing or not a string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    /** Writes a grid file, creating or replacing it. */
    public void write(GridHierarchy hierarchy, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(hierarchy, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write grid file " + file, e);
        }
    }

    /** Writes the grids of a hierarchy as a FeatureCollection in code order. */
    public void write(GridHierarchy hierarchy, OutputStream out) {
        ObjectNode root = mapper.createObjectNode();
        root.put("type", "FeatureCollection");
        ObjectNode district = root.putObject("district");
        district.put("code", hierarchy.district().code());
        putName(district, "name", hierarchy.district().name());
        ArrayNode features = root.putArray("features");
        for (UnitGrid grid : hierarchy.grids()) {
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            feature.put("id", grid.code().value());
            feature.set("geometry", geometryNode(grid.geometry()));
            ObjectNode p = feature.putObject("properties");
            p.put("code", grid.code().value());
            putName(p, "name", grid.name());
            p.put("streetCode", grid.street().code());
            putName(p, "streetName", grid.street().name());
            p.put("communityCode", grid.community().code());
            putName(p, "communityName", grid.community().name());
        }
        try {
            mapper.writeValue(out, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putName(ObjectNode node, String field, AreaName name) {
        node.put(field, name.zh());
        if (name.en() != null) {
            node.put(field + "En", name.en());
        }
    }

    private ObjectNode geometryNode(Geometry geometry) {
        ObjectNode node = mapper.createObjectNode();
        if (geometry instanceof Polygon polygon) {
            node.put("type", "Polygon");
            polygonCoordinates(node.putArray("coordinates"), polygon);
        } else {
            node.put("type", "MultiPolygon");
            ArrayNode polygons = node.putArray("coordinates");
            MultiPolygon multi = (MultiPolygon) geometry;
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                polygonCoordinates(polygons.addArray(), (Polygon) multi.getGeometryN(i));
            }
        }
        return node;
    }

    private static void polygonCoordinates(ArrayNode rings, Polygon polygon) {
        ringCoordinates(rings.addArray(), polygon.getExteriorRing().getCoordinates(), true);
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            ringCoordinates(rings.addArray(), polygon.getInteriorRingN(i).getCoordinates(), false);
        }
    }

    // RFC 7946 §3.1.6: shells counter-clockwise, holes clockwise
    private static void ringCoordinates(ArrayNode ring, Coordinate[] coordinates, boolean counterClockwise) {
        boolean reverse = coordinates.length >= 4 && Orientation.isCCWArea(coordinates) != counterClockwise;
        for (int i = 0; i < coordinates.length; i++) {
            Coordinate c = coordinates[reverse ? coordinates.length - 1 - i : i];
            ring.addArray().add(c.x).add(c.y);
        }
    }
}
