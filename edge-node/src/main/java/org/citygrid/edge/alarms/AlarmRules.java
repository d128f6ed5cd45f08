package org.citygrid.edge.alarms;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.citygrid.model.category.SensorType;

/**
 * One version of the rules file: an object mapping sensor type ids ({@code manhole-tilt},
 * {@code water-level}, ...) to {@link AlarmRule}s.
 */
public record AlarmRules(Map<SensorType, AlarmRule> bySensorType) {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public AlarmRules {
        bySensorType = Map.copyOf(bySensorType);
    }

    public Optional<AlarmRule> forType(SensorType type) {
        return Optional.ofNullable(bySensorType.get(type));
    }

    /**
     * @throws IllegalArgumentException naming the sensor type and the problem, for a file that is
     *                                  not valid rules; the caller keeps the rules it had
     */
    public static AlarmRules read(Path file) throws IOException {
        Map<String, AlarmRule> raw;
        try {
            raw = MAPPER.readValue(file.toFile(), new TypeReference<Map<String, AlarmRule>>() { });
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw new IllegalArgumentException("invalid rules file " + file + ": " + e.getOriginalMessage(), e);
        }
        var rules = new java.util.EnumMap<SensorType, AlarmRule>(SensorType.class);
        raw.forEach((id, rule) -> rules.put(SensorType.fromId(id).orElseThrow(
                () -> new IllegalArgumentException("rules file " + file + " names unknown sensor type " + id)), rule));
        return new AlarmRules(rules);
    }
}
