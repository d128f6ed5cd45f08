package org.citygrid.demo.city;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.citygrid.demo.DemoException;

/**
 * The alarm rules the demo gives its edge nodes (rules.json, docs/edge-node.md), one per sensor type of the
 * sample city. Thresholds are plausible; debounce and minimum durations are short so that an alarm shows
 * within seconds of the simulator starting one, instead of the minutes a real deployment would wait.
 */
public final class DemoRules {
    private DemoRules() {
    }

    /** A rule as the edge node reads it. */
    public record Rule(String quantity, String unit, double min, double max, String direction, double raiseAt,
                       double clearAt, int debounce, int minDurationSeconds, int reportingIntervalSeconds) {
    }

    public static Map<String, Rule> all() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        rules.put("manhole-tilt", new Rule("tilt", "deg", 0, 180, "ABOVE", 15, 5, 2, 2, 30));
        rules.put("water-level", new Rule("level", "m", 0, 10, "ABOVE", 0.3, 0.1, 2, 2, 30));
        rules.put("smoke", new Rule("smoke", "%", 0, 100, "ABOVE", 10, 2, 2, 2, 30));
        rules.put("bin-fill", new Rule("fill", "%", 0, 100, "ABOVE", 90, 60, 2, 2, 30));
        rules.put("street-lamp", new Rule("illuminance", "lx", 0, 100_000, "BELOW", 5, 20, 2, 2, 30));
        rules.put("noise", new Rule("noise", "dB", 0, 140, "ABOVE", 75, 65, 2, 2, 30));
        return rules;
    }

    /**
     * Writes {@code rules.json} into {@code edgeDir}: the demo's thresholds with a debounce of one reading and no
     * minimum duration. Every raise or clear reading is then an alarm edge at once, so the drills and the end-to-end
     * benchmark can tell from outside which acknowledged readings were edges and what their intake ids are.
     */
    public static void writeSingleReadingRules(Path edgeDir) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        all().forEach((type, r) -> rules.put(type, new Rule(r.quantity(), r.unit(), r.min(), r.max(),
                r.direction(), r.raiseAt(), r.clearAt(), 1, 0, r.reportingIntervalSeconds())));
        try {
            Files.createDirectories(edgeDir);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(edgeDir.resolve("rules.json").toFile(), rules);
        } catch (IOException e) {
            throw new DemoException("cannot write alarm rules into " + edgeDir + ": " + e.getMessage(), e);
        }
    }
}
