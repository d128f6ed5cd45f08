package org.citygrid.model.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citygrid.model.indicator.AreaLevel;

/**
 * The evaluation configuration's file format (docs/evaluation.md): the document Jackson binds to,
 * checked and turned into an {@link EvaluationConfig}.
 */
final class EvaluationConfigJson {

    static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EvaluationConfigJson() {
    }

    record Document(Integer formatVersion, String source, String regionLevel, List<Grade> grades,
                    Map<String, LinkedHashMap<String, Integer>> weights, Map<String, List<Band>> bands) {
    }

    record Grade(String grade, String zh, String en, BigDecimal from) {
    }

    record Band(Long atLeast, BigDecimal score) {
    }

    static EvaluationConfig read(InputStream in, String source) throws IOException {
        Document d;
        try {
            d = MAPPER.readValue(in, Document.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("evaluation configuration " + source + " is not of the documented shape: "
                    + e.getOriginalMessage(), e);
        }
        try {
            if (d == null || !Integer.valueOf(FORMAT_VERSION).equals(d.formatVersion())) {
                throw new IllegalArgumentException("formatVersion must be " + FORMAT_VERSION);
            }
            Map<ObjectKind, Map<EvaluationIndicator, Integer>> weights = new EnumMap<>(ObjectKind.class);
            (d.weights() == null ? Map.<String, LinkedHashMap<String, Integer>>of() : d.weights()).forEach((kind, w) -> {
                Map<EvaluationIndicator, Integer> row = new LinkedHashMap<>();
                w.forEach((indicator, weight) -> row.put(EvaluationIndicator.valueOf(indicator), weight));
                weights.put(ObjectKind.valueOf(kind), row);
            });
            Map<EvaluationIndicator, List<CountBand>> bands = new EnumMap<>(EvaluationIndicator.class);
            (d.bands() == null ? Map.<String, List<Band>>of() : d.bands()).forEach((indicator, list) ->
                    bands.put(EvaluationIndicator.valueOf(indicator), list.stream().map(b -> new CountBand(b.atLeast(), b.score())).toList()));
            List<GradeBand> grades = (d.grades() == null ? List.<Grade>of() : d.grades()).stream()
                    .map(g -> new GradeBand(g.grade(), g.zh(), g.en(), g.from())).toList();
            return new EvaluationConfig(AreaLevel.valueOf(d.regionLevel()), grades, weights, bands);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("evaluation configuration " + source + ": " + e.getMessage(), e);
        }
    }
}
