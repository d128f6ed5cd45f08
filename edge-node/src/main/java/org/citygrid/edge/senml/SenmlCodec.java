package org.citygrid.edge.senml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.citygrid.edge.json.StrictJson;
import org.citygrid.model.text.TextRejectedException;
import org.citygrid.model.text.TextRules;

/**
 * Reads SenML packs (RFC 8428) in JSON (content-format 110) or CBOR (112) and resolves them into
 * {@link Reading}s.
 *
 * <p>Resolution follows section 4.6: base fields apply to the record they are in and every later
 * record until replaced; a resolved time below 2^28 seconds is relative to now; a record's unit
 * overrides the base unit. Records with only a string or data value are valid SenML but carry no
 * number to evaluate, so they are left out of the result.
 */
public final class SenmlCodec {

    /** Content-format of application/senml+json. */
    public static final int SENML_JSON = 110;
    /** Content-format of application/senml+cbor. */
    public static final int SENML_CBOR = 112;

    private static final double RELATIVE_TIME_LIMIT = 1 << 28;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:./_-]*");
    private static final TypeReference<List<SenmlRecord>> PACK = new TypeReference<>() { };

    private final ObjectMapper json = StrictJson.build(JsonMapper.builder());
    private final ObjectMapper cbor = StrictJson.build(CBORMapper.builder());

    /**
     * Parses and resolves a pack; {@code contentFormat} must be 110 or 112.
     *
     * @throws SenmlException        for a pack that is not valid SenML
     * @throws TextRejectedException for a unit that is not one short line of plain text
     *                               ({@link TextRules#label()})
     */
    public List<Reading> read(byte[] payload, int contentFormat, Instant now) {
        return resolve(parse(payload, contentFormat), now);
    }

    public List<SenmlRecord> parse(byte[] payload, int contentFormat) {
        ObjectMapper mapper = switch (contentFormat) {
            case SENML_JSON -> json;
            case SENML_CBOR -> cbor;
            default -> throw new IllegalArgumentException("not a SenML content-format: " + contentFormat);
        };
        if (payload == null || payload.length == 0) {
            throw new SenmlException("empty payload: a SenML pack is an array of records");
        }
        try {
            List<SenmlRecord> pack = mapper.readValue(payload, PACK);
            if (pack == null || pack.isEmpty()) {
                throw new SenmlException("a SenML pack needs at least one record");
            }
            return pack;
        } catch (JsonProcessingException e) {
            throw new SenmlException("malformed SenML " + (contentFormat == SENML_JSON ? "JSON" : "CBOR") + ": "
                    + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new SenmlException("unreadable SenML: " + e.getMessage(), e);
        }
    }

    public List<Reading> resolve(List<SenmlRecord> pack, Instant now) {
        List<Reading> readings = new ArrayList<>(pack.size());
        String baseName = "";
        double baseTime = 0;
        String baseUnit = null;
        double baseValue = 0;
        boolean hasBaseValue = false;
        for (int i = 0; i < pack.size(); i++) {
            SenmlRecord r = pack.get(i);
            if (r == null) {
                throw new SenmlException("record " + i + " is not an object");
            }
            if (r.baseVersion() != null && r.baseVersion() > 10) {
                throw new SenmlException("record " + i + ": SenML version " + r.baseVersion() + " is not supported");
            }
            if (r.baseName() != null) {
                baseName = r.baseName();
            }
            if (r.baseTime() != null) {
                baseTime = r.baseTime();
            }
            if (r.baseUnit() != null) {
                baseUnit = r.baseUnit();
            }
            if (r.baseValue() != null) {
                baseValue = r.baseValue();
                hasBaseValue = true;
            }
            String name = baseName + (r.name() == null ? "" : r.name());
            if (!NAME.matcher(name).matches()) {
                throw new SenmlException("record " + i + ": name '" + name + "' is not a valid SenML name");
            }
            if (!r.hasValue() && !hasBaseValue) {
                throw new SenmlException("record " + i + " (" + name + ") has no value");
            }
            double t = baseTime + (r.time() == null ? 0 : r.time());
            if (!Double.isFinite(t)) {
                throw new SenmlException("record " + i + " (" + name + ") has no finite time");
            }
            Instant time = t < RELATIVE_TIME_LIMIT ? now.plusNanos((long) (t * 1e9)) : Instant.ofEpochMilli((long) (t * 1000));
            // units are compared with the rule's and echoed in refusals and logs: one short line of plain text
            String unit = TextRules.label().named("u of record " + i).accept(r.unit() != null ? r.unit() : baseUnit);
            Double value = null;
            if (r.value() != null) {
                value = baseValue + r.value();
            } else if (r.booleanValue() != null) {
                value = r.booleanValue() ? 1.0 : 0.0;
            } else if (r.stringValue() == null && r.dataValue() == null && r.sum() == null && hasBaseValue) {
                value = baseValue;
            }
            if (value == null) {
                continue;
            }
            if (!Double.isFinite(value)) {
                throw new SenmlException("record " + i + " (" + name + ") has a value that is not a finite number");
            }
            readings.add(new Reading(name, time, unit, value));
        }
        return readings;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
