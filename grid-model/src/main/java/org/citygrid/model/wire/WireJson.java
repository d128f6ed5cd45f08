package org.citygrid.model.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.citygrid.model.cases.CaseAction;
import org.citygrid.model.cases.CaseChange;

/**
 * The one Jackson configuration every module uses for CityGrid's JSON: ISO-8601 instants and
 * durations, no nulls written, and {@code "type"} naming the variant of a sealed action or change.
 *
 * <p>Type information is attached through mix-ins and the variants are registered from the sealed
 * interfaces' permitted subclasses, so the domain classes carry no Jackson annotations and a new
 * variant cannot be forgotten here.
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
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // a newer producer may add fields within the same major version
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addMixIn(CaseAction.class, TypedByName.class)
                .addMixIn(CaseChange.class, TypedByName.class)
                .build();
        registerVariants(mapper, CaseAction.class);
        registerVariants(mapper, CaseChange.class);
        return mapper;
    }

    private static void registerVariants(ObjectMapper mapper, Class<?> sealed) {
        for (Class<?> variant : sealed.getPermittedSubclasses()) {
            mapper.registerSubtypes(new NamedType(variant, variant.getSimpleName()));
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    private interface TypedByName {
    }
}
