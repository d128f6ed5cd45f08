package org.citygrid.model.category;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The catalogue file format (see docs/categories.md): the document shape Jackson binds to, and the
 * mapping from a validated catalogue back to it.
 *
 * <p>The document keeps every value as it is written (codes and enum names as strings, hours as
 * decimals) so that {@link CatalogueValidator} can report each bad value by entry instead of Jackson
 * failing on the first one.
 */
final class CatalogueJson {

    /** The format this build writes: 2 adds per-step limits in hours or working days, their sources, closing criteria and approval tiers. */
    static final int FORMAT_VERSION = 2;
    /** The oldest format still read: limits in hours only ({@code timeLimitsHours}). */
    static final int FIRST_FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // hours such as 10 must not come out as 1E+1
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // format 2 writes timeLimits, never the hours of format 1
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private CatalogueJson() {
    }

    record Document(
            Integer formatVersion,
            List<SourceEntry> sources,
            List<TierEntry> extensionApproval,
            List<DepartmentEntry> departments,
            List<MajorClassEntry> majorClasses,
            List<CategoryEntry> categories) {
    }

    record SourceEntry(String id, String title, String url) {
    }

    record TierEntry(String approver, Integer maxGranted, BigDecimal maxShare) {
    }

    record Limits(String file, String verify, String dispatch, String handle, String check, String close) {
    }

    record Text(String zh, String en) {
    }

    record DepartmentEntry(String code, Text name, String territorial) {
    }

    record MajorClassEntry(String kind, String code, Text name) {
    }

    record Hours(BigDecimal file, BigDecimal dispatch, BigDecimal handle, BigDecimal check) {
    }

    record Open311Entry(String serviceCode, String group) {
    }

    record CategoryEntry(
            String kind,
            String major,
            String minor,
            Text name,
            String responsibleDepartment,
            List<String> dispatchOrder,
            Text filingCriteria,
            Text closingCriteria,
            Hours timeLimitsHours,
            Limits timeLimits,
            String timeLimitSource,
            String slaClock,
            List<String> autoFiling,
            List<String> sensorTypes,
            String priority,
            Open311Entry open311,
            List<String> keywords,
            String codeSource) {
    }

    /**
     * Reads a document without judging its content.
     *
     * @throws CatalogueValidationException when the input is not JSON of the document's shape
     * @throws IOException                  when the stream cannot be read
     */
    static Document read(InputStream in, String source) throws IOException {
        try {
            Document document = MAPPER.readValue(in, Document.class);
            if (document == null) {
                throw new CatalogueValidationException(source, List.of(new CatalogueProblem("catalogue", "is empty")));
            }
            return document;
        } catch (JsonProcessingException e) {
            throw new CatalogueValidationException(source, List.of(syntaxProblem(e)));
        }
    }

    static void write(CategoryCatalogue catalogue, OutputStream out) throws IOException {
        MAPPER.writeValue(out, toDocument(catalogue));
    }

    private static CatalogueProblem syntaxProblem(JsonProcessingException e) {
        var location = e.getLocation();
        String where = location == null ? "catalogue"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            where += " (" + mapping.getPathReference().replace("org.citygrid.model.category.CatalogueJson$", "") + ")";
        }
        return new CatalogueProblem(where, e.getOriginalMessage());
    }

    private static Document toDocument(CategoryCatalogue catalogue) {
        return new Document(
                FORMAT_VERSION,
                catalogue.sources().stream().map(s -> new SourceEntry(s.id(), s.title(), s.url())).toList(),
                catalogue.extensionApproval().tiers().stream()
                        .map(t -> new TierEntry(t.approver().name(), t.maxGranted(), t.maxShare())).toList(),
                catalogue.departments().stream()
                        .map(d -> new DepartmentEntry(d.code(), text(d.name()), d.territorial().name()))
                        .toList(),
                catalogue.majorClasses().stream()
                        .map(m -> new MajorClassEntry(m.kind().name(), m.codeText(), text(m.name())))
                        .toList(),
                catalogue.categories().stream().map(CatalogueJson::entry).toList());
    }

    private static CategoryEntry entry(Category c) {
        TimeLimits limits = c.timeLimits();
        return new CategoryEntry(
                c.kind().name(),
                c.code().majorCode(),
                c.code().minorCode(),
                text(c.name()),
                c.responsibleDepartment().code(),
                c.dispatchOrder().stream().map(Department::code).toList(),
                text(c.filingCriteria()),
                c.closingCriteria() == null ? null : text(c.closingCriteria()),
                null,
                new Limits(limits.file().toString(), limits.verify().toString(), limits.dispatch().toString(),
                        limits.handle().toString(), limits.check().toString(), limits.close().toString()),
                c.timeLimitSource(),
                c.slaClock().name(),
                c.autoFilingChannels().stream().map(Enum::name).toList(),
                c.sensorTypes().stream().map(SensorType::id).toList(),
                c.priority().name(),
                new Open311Entry(c.open311().serviceCode(), c.open311().group()),
                c.keywords(),
                c.codeSource().name());
    }

    private static Text text(LocalizedText text) {
        return new Text(text.zh(), text.en());
    }

    static String joinNames(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
