package org.citygrid.model.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.citygrid.model.cases.CaseCommand;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.cases.CaseSnapshot;
import org.citygrid.model.cases.CommandRejected;
import org.citygrid.model.intake.IntakeRecord;
import org.citygrid.model.intake.IntakeRejection;

/**
 * Reads and writes one kind of CityGrid record as versioned JSON: the record's own fields plus
 * {@code "v"}, the major version of its schema. A reader accepts its own major version and refuses
 * any other with a clear message, so a producer upgraded ahead of its consumers fails loudly
 * instead of being misread. Fields added within a major version are ignored by older readers.
 *
 * @param <T> the record type
 */
public final class WireCodec<T> {

    /** The field that carries the schema version in every record. */
    public static final String VERSION_FIELD = "v";

    private static final WireCodec<CaseCommand> COMMANDS = new WireCodec<>(CaseCommand.class, "case command", 1);
    private static final WireCodec<CaseEvent> EVENTS = new WireCodec<>(CaseEvent.class, "case event", 1);
    private static final WireCodec<CaseSnapshot> SNAPSHOTS = new WireCodec<>(CaseSnapshot.class, "case snapshot", 1);
    private static final WireCodec<IntakeRecord> INTAKE = new WireCodec<>(IntakeRecord.class, "intake record", 1);
    private static final WireCodec<CommandRejected> COMMAND_REJECTIONS =
            new WireCodec<>(CommandRejected.class, "command rejection", 1);
    private static final WireCodec<IntakeRejection> INTAKE_REJECTIONS =
            new WireCodec<>(IntakeRejection.class, "intake rejection", 1);

    private final Class<T> type;
    private final String name;
    private final int version;
    private final ObjectMapper mapper = WireJson.mapper();

    WireCodec(Class<T> type, String name, int version) {
        this.type = type;
        this.name = name;
        this.version = version;
    }

    public static WireCodec<CaseCommand> commands() {
        return COMMANDS;
    }

    public static WireCodec<CaseEvent> events() {
        return EVENTS;
    }

    public static WireCodec<CaseSnapshot> snapshots() {
        return SNAPSHOTS;
    }

    /**
     * The whole folded case, as the case cycle stores it without its events; also reads the event
     * lists stored before. Not a topic record: see {@link CaseCodec}.
     */
    public static CaseCodec cases() {
        return CaseCodec.INSTANCE;
    }

    public static WireCodec<IntakeRecord> intake() {
        return INTAKE;
    }

    public static WireCodec<CommandRejected> commandRejections() {
        return COMMAND_REJECTIONS;
    }

    public static WireCodec<IntakeRejection> intakeRejections() {
        return INTAKE_REJECTIONS;
    }

    /** The schema major version this codec writes and reads. */
    public int version() {
        return version;
    }

    public JsonNode toTree(T value) {
        ObjectNode out = mapper.createObjectNode();
        out.put(VERSION_FIELD, version);
        out.setAll((ObjectNode) mapper.valueToTree(value));
        return out;
    }

    public String writeString(T value) {
        try {
            return mapper.writeValueAsString(toTree(value));
        } catch (JsonProcessingException e) {
            throw new WireFormatException("cannot write " + name + ": " + e.getOriginalMessage(), e);
        }
    }

    public byte[] write(T value) {
        return writeString(value).getBytes(StandardCharsets.UTF_8);
    }

    public T read(byte[] json) {
        if (json == null) {
            throw new WireFormatException("an empty " + name + " message");
        }
        return read(new String(json, StandardCharsets.UTF_8));
    }

    /**
     * @throws WireFormatException naming the field and the problem, for anything that is not a
     *                             valid record of this kind and version
     */
    public T read(String json) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (IOException e) {
            throw new WireFormatException("a " + name + " must be JSON: " + firstLine(e), e);
        }
        return fromTree(tree);
    }

    public T fromTree(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new WireFormatException("a " + name + " must be a JSON object");
        }
        JsonNode v = tree.get(VERSION_FIELD);
        if (v == null || !v.isInt()) {
            throw new WireFormatException("a " + name + " needs an integer \"" + VERSION_FIELD + "\" field (schema version " + version + ")");
        }
        if (v.intValue() != version) {
            throw new WireFormatException("this reader understands " + name + " version " + version
                    + ", not version " + v.intValue());
        }
        ObjectNode body = ((ObjectNode) tree).deepCopy();
        body.remove(VERSION_FIELD);
        try {
            return mapper.treeToValue(body, type);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            Throwable root = rootCause(e);
            String why = root instanceof IllegalArgumentException || root instanceof NullPointerException
                    ? root.getMessage() : e.getOriginalMessage();
            throw new WireFormatException("invalid " + name + (path.isEmpty() ? "" : " at " + path) + ": " + firstLine(why), e);
        } catch (JsonProcessingException e) {
            throw new WireFormatException("invalid " + name + ": " + e.getOriginalMessage(), e);
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String firstLine(Throwable e) {
        return firstLine(e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
