package org.citygrid.model.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.citygrid.model.component.ComponentCode;
import org.citygrid.model.geo.GeoPoint;
import org.citygrid.model.grid.GridCode;

/**
 * Reads and writes a district's component inventory as an RFC 7946 GeoJSON FeatureCollection of
 * points, one feature per component, WGS 84 longitude/latitude:
 * <pre>
 * { "type": "FeatureCollection", "county": "110101",
 *   "features": [
 *     { "type": "Feature", "id": "1101010118000042",
 *       "geometry": { "type": "Point", "coordinates": [116.40321, 39.91452] },
 *       "properties": { "code": "1101010118000042", "grid": "110101001001023", "owner": "STREET_LIGHTING",
 *                       "state": "NORMAL", "surveyedOn": "2026-01-15" } } ] }
 * </pre>
 * {@code county} is a foreign member (RFC 7946 §6.1); without it the components must share one
 * county code. {@code maintainer}, {@code changedOn} and {@code note} are optional. Writing puts the
 * components in code order, so one register always gives the same bytes.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ComponentGeoJson {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ComponentRegister read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read component file " + file, e);
        }
    }

    /**
     * @throws ComponentDataFormatException naming the feature index and code of malformed input
     */
    public ComponentRegister read(InputStream in) {
        JsonNode root;
        try {
            root = mapper.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ComponentDataFormatException("component data is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asText(null))) {
            throw new ComponentDataFormatException("component data must be a GeoJSON object with \"type\": \"FeatureCollection\"");
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            throw new ComponentDataFormatException("FeatureCollection has no \"features\" array");
        }
        List<Component> components = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            components.add(readFeature(features.get(i), i));
        }
        String county = root.hasNonNull("county") ? root.get("county").asText()
                : components.stream().map(c -> c.code().county()).distinct().reduce((a, b) -> {
                    throw new ComponentDataFormatException("without a \"county\" member all components must share one county code");
                }).orElseThrow(() -> new ComponentDataFormatException("without a \"county\" member an empty collection names no district"));
        try {
            return new ComponentRegister(county, components);
        } catch (IllegalArgumentException e) {
            throw new ComponentDataFormatException("\"county\": " + e.getMessage(), e);
        }
    }

    private Component readFeature(JsonNode feature, int index) {
        String where = "feature #" + index;
        if (feature == null || !feature.isObject() || !"Feature".equals(feature.path("type").asText(null))) {
            throw new ComponentDataFormatException(where + " is not a GeoJSON Feature");
        }
        JsonNode p = feature.get("properties");
        if (p == null || !p.isObject()) {
            throw new ComponentDataFormatException(where + " has no properties");
        }
        String codeText = p.path("code").asText(null);
        if (codeText != null) {
            where += " (code " + codeText + ")";
        }
        try {
            ComponentCode code = ComponentCode.parse(required(p, "code"));
            JsonNode geometry = feature.get("geometry");
            if (geometry == null || !"Point".equals(geometry.path("type").asText(null))) {
                throw new IllegalArgumentException("the geometry must be a Point");
            }
            JsonNode xy = geometry.get("coordinates");
            if (xy == null || !xy.isArray() || xy.size() < 2 || !xy.get(0).isNumber() || !xy.get(1).isNumber()) {
                throw new IllegalArgumentException("a Point has [longitude, latitude] coordinates");
            }
            return new Component(code, new GeoPoint(xy.get(0).asDouble(), xy.get(1).asDouble()),
                    GridCode.parse(required(p, "grid")), required(p, "owner"), optional(p, "maintainer"),
                    ComponentState.valueOf(required(p, "state")), LocalDate.parse(required(p, "surveyedOn")),
                    optional(p, "changedOn") == null ? null : LocalDate.parse(optional(p, "changedOn")), optional(p, "note"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ComponentDataFormatException(where + ": " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("\"" + field + "\" is required and must be text");
        }
        return value.asText();
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Writes the register, components in code order. */
    public void write(ComponentRegister register, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(register, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write component file " + file, e);
        }
    }

    public void write(ComponentRegister register, OutputStream out) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("type", "FeatureCollection");
        root.put("county", register.county());
        var features = root.putArray("features");
        for (Component c : register.components()) {
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.put("id", c.code().value());
            ObjectNode geometry = f.putObject("geometry");
            geometry.put("type", "Point");
            geometry.putArray("coordinates").add(c.position().lon()).add(c.position().lat());
            ObjectNode p = f.putObject("properties");
            p.put("code", c.code().value());
            p.put("grid", c.gridCode().value());
            p.put("owner", c.owner());
            if (c.maintainer() != null) {
                p.put("maintainer", c.maintainer());
            }
            p.put("state", c.state().name());
            p.put("surveyedOn", c.surveyedOn().toString());
            if (c.changedOn() != null) {
                p.put("changedOn", c.changedOn().toString());
            }
            if (c.note() != null) {
                p.put("note", c.note());
            }
        }
        mapper.writeValue(out, root);
    }
}
