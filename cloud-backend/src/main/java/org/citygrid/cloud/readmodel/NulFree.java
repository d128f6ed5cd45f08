package org.citygrid.cloud.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.citygrid.model.wire.WireJson;

/**
 * PostgreSQL cannot store U+0000 (NUL) in a {@code text} or {@code jsonb} value: it refuses the whole
 * statement. A record whose text holds one (a device that sent {@code "x\u0000y"} before the entries
 * checked text) is projected with its NULs removed, so the case it belongs to is on the map like any
 * other; the topic, the audit trail, keeps the record as it was written. Only records that hold one are
 * touched, so everything else is projected byte for byte as before.
 */
final class NulFree {

    private static final ObjectMapper JSON = WireJson.mapper();
    /** How JSON writes U+0000: {@code \u0000}, which no other text needs. */
    private static final byte[] ESCAPED_NUL = "\\u0000".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private NulFree() {
    }

    /** The JSON record with U+0000 removed from every string and field name, or the same bytes when it holds none. */
    static byte[] strip(byte[] json) {
        if (json == null || indexOf(json, ESCAPED_NUL) < 0) {
            return json;
        }
        try {
            return JSON.writeValueAsBytes(clean(JSON.readTree(json)));
        } catch (IOException e) {
            return json; // not JSON: reading it fails as it would have, and says why
        }
    }

    private static JsonNode clean(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(node.asText().replace("\u0000", ""));
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(item -> out.add(clean(item)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                fields.add(it.next());
            }
            fields.forEach(f -> out.set(f.getKey().replace("\u0000", ""), clean(f.getValue())));
            return out;
        }
        return node;
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
