package org.citygrid.api.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.citygrid.api.errors.NotFound;
import org.citygrid.model.wire.WireJson;

/**
 * GeoReport v2 answers in JSON or XML, chosen by the path's extension. Bodies are built as ordered
 * maps once and written either way: JSON as they are, XML with the spec's element names (a list is
 * an element per item, named by the singular given).
 */
public enum Open311Format {
    JSON("application/json; charset=utf-8"),
    XML("text/xml; charset=utf-8");

    private static final ObjectMapper MAPPER = WireJson.mapper();

    private final String contentType;

    Open311Format(String contentType) {
        this.contentType = contentType;
    }

    static Open311Format of(String extension) {
        return switch (extension == null ? "" : extension) {
            case "json" -> JSON;
            case "xml" -> XML;
            default -> throw new NotFound("unknown format '" + extension + "': use .json or .xml");
        };
    }

    /** The media type of a body written in this format. */
    public String contentType() {
        return contentType;
    }

    /** A list of items: {@code root} holds one {@code item} element per entry in XML. */
    String list(String root, String item, List<? extends Map<String, ?>> items) {
        return this == JSON ? json(items) : xml(root, item, items);
    }

    /** A single document (discovery, service definition). */
    String object(String root, Map<String, ?> body) {
        return this == JSON ? json(body) : xml(root, null, body);
    }

    private static String json(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an Open311 answer", e);
        }
    }

    private static String xml(String root, String item, Object body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("utf-8", "1.0");
            w.writeStartElement(root);
            if (body instanceof Collection<?> items) {
                for (Object each : items) {
                    element(w, item, each);
                }
            } else {
                children(w, (Map<?, ?>) body);
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an Open311 answer", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        w.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            children(w, map);
        } else if (value != null) {
            w.writeCharacters(String.valueOf(value));
        }
        w.writeEndElement();
    }

    private static void children(XMLStreamWriter w, Map<?, ?> map) throws XMLStreamException {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (e.getValue() instanceof Collection<?> list) {
                // <endpoints><endpoint/>...</endpoints>, <formats><format/>...</formats>
                w.writeStartElement(name);
                for (Object each : list) {
                    element(w, singular(name), each);
                }
                w.writeEndElement();
            } else {
                element(w, name, e.getValue());
            }
        }
    }

    private static String singular(String plural) {
        return switch (plural) {
            case "attributes" -> "attribute";
            case "values" -> "value";
            default -> plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
        };
    }

    /** The spec's error list, one error. */
    public String error(int code, String description) {
        return list("errors", "error", List.of(fields("code", code, "description", description)));
    }

    /** Whether {@code path} is a GeoReport v2 path, whose errors are answered in the spec's format. */
    public static boolean isOpen311(String path) {
        return path.startsWith("/open311/");
    }

    /** The format a request asked for by its path's extension; JSON when it names none or an unknown one. */
    public static Open311Format ofPath(String path) {
        return path.endsWith(".xml") ? XML : JSON;
    }

    /** An ordered map of the non-null pairs: element order matters to XML readers. */
    static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                out.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return out;
    }
}
