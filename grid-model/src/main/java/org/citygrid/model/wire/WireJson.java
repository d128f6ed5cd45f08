package org.citygrid.model.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.citygrid.model.cases.CaseAction;
import org.citygrid.model.cases.CaseChange;
import org.citygrid.model.casenumber.CaseNumber;
import org.citygrid.model.category.SensorType;
import org.citygrid.model.geo.Crs;
import org.citygrid.model.grid.GridCode;
import org.citygrid.model.indicator.Counter;
import org.citygrid.model.indicator.IndicatorKey;
import org.citygrid.model.indicator.IndicatorTally;

/**
 * The one Jackson configuration every module uses for CityGrid's JSON: ISO-8601 instants and
 * durations, no nulls written, and {@code "type"} naming the variant of a sealed action or change.
 *
 * <p>The domain classes carry no Jackson annotations: how a domain type looks in JSON is said here,
 * by the mix-ins of {@link #module()} (see {@link WireMixIns}), and the variants of the sealed
 * actions and changes are registered from the interfaces' permitted subclasses, so a new variant
 * cannot be forgotten here.
 */
public final class WireJson {

    private static final ObjectMapper MAPPER = create();

    private WireJson() {
    }

    /** The shared, thread-safe mapper. Do not reconfigure it; {@link #create()} gives a private copy. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectMapper create() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // a newer producer may add fields within the same major version
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        registerVariants(mapper, CaseAction.class);
        registerVariants(mapper, CaseChange.class);
        return mapper;
    }

    /**
     * How the domain's value types are written, for a mapper configured elsewhere (a file format of
     * its own, a framework's mapper): grid codes, sensor types and coordinate systems as their
     * strings, indicator keys by {@code "dimension"}, and the sealed actions and changes by
     * {@code "type"} (register their variants too, as {@link #create()} does, to read them).
     */
    public static Module module() {
        SimpleModule module = new SimpleModule("citygrid-wire");
        module.setMixInAnnotation(CaseAction.class, WireMixIns.TypedByName.class);
        module.setMixInAnnotation(CaseChange.class, WireMixIns.TypedByName.class);
        module.setMixInAnnotation(GridCode.class, WireMixIns.GridCodeAsText.class);
        module.setMixInAnnotation(CaseNumber.class, WireMixIns.CaseNumberAsText.class);
        module.setMixInAnnotation(Counter.class, WireMixIns.CounterByName.class);
        module.setMixInAnnotation(SensorType.class, WireMixIns.SensorTypeById.class);
        module.setMixInAnnotation(Crs.class, WireMixIns.CrsByWireName.class);
        module.setMixInAnnotation(IndicatorKey.class, WireMixIns.IndicatorKeyByDimension.class);
        module.setMixInAnnotation(IndicatorTally.class, WireMixIns.TallyCountsOnly.class);
        return module;
    }

    private static void registerVariants(ObjectMapper mapper, Class<?> sealed) {
        for (Class<?> variant : sealed.getPermittedSubclasses()) {
            mapper.registerSubtypes(new NamedType(variant, variant.getSimpleName()));
        }
    }
}
