package org.citygrid.model.category;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The validated, immutable catalogue of departments, major classes and categories.
 *
 * <p>Load the catalogue shipped with CityGrid with {@link #loadDefault()}, or an operator's own file
 * with {@link #load(Path)}; the format is documented in docs/categories.md. Loading either succeeds
 * with a catalogue in which every reference resolves, or fails with a
 * {@link CatalogueValidationException} listing every problem. Instances are immutable and safe to
 * share between threads.
 */
public final class CategoryCatalogue {

    /** Classpath location of the catalogue shipped with CityGrid. */
    public static final String DEFAULT_RESOURCE = "/category/catalogue.json";

    private final List<Department> departments;
    private final List<MajorClass> majorClasses;
    private final List<Category> categories;
    private final Map<String, Department> departmentsByCode;
    private final Map<CategoryCode, Category> byCode;
    private final Map<String, Category> byServiceCode;
    private final Map<SensorType, List<Category>> bySensorType;
    private final Map<String, List<Category>> byResponsibleDepartment;
    private final List<CatalogueSource> sources;
    private final ExtensionApproval extensionApproval;

    CategoryCatalogue(List<Department> departments, List<MajorClass> majorClasses, List<Category> categories) {
        this(departments, majorClasses, categories, List.of(), ExtensionApproval.DEFAULT);
    }

    CategoryCatalogue(List<Department> departments, List<MajorClass> majorClasses, List<Category> categories,
                      List<CatalogueSource> sources, ExtensionApproval extensionApproval) {
        this.sources = List.copyOf(sources);
        this.extensionApproval = Objects.requireNonNull(extensionApproval, "extensionApproval");
        this.departments = List.copyOf(departments);
        this.majorClasses = majorClasses.stream()
                .sorted(Comparator.comparing(MajorClass::kind).thenComparingInt(MajorClass::code))
                .toList();
        this.categories = categories.stream().sorted(Comparator.comparing(Category::code)).toList();
        this.departmentsByCode = index(this.departments, Department::code);
        this.byCode = index(this.categories, Category::code);
        this.byServiceCode = index(this.categories, c -> c.open311().serviceCode());
        Map<SensorType, List<Category>> sensors = new EnumMap<>(SensorType.class);
        for (SensorType type : SensorType.values()) {
            sensors.put(type, this.categories.stream().filter(c -> c.sensorTypes().contains(type)).toList());
        }
        this.bySensorType = Map.copyOf(sensors);
        this.byResponsibleDepartment = Map.copyOf(this.categories.stream().collect(Collectors.groupingBy(
                c -> c.responsibleDepartment().code(), Collectors.toUnmodifiableList())));
    }

    // ---- loading and writing ----

    /**
     * The catalogue shipped with CityGrid ({@value #DEFAULT_RESOURCE}), parsed once and shared.
     *
     * @throws IllegalStateException when the resource is missing or invalid, which is a packaging bug
     */
    public static CategoryCatalogue loadDefault() {
        return DefaultHolder.INSTANCE;
    }

    /**
     * Loads an operator-supplied catalogue file.
     *
     * @throws CatalogueValidationException when the file is not a valid catalogue; lists every problem
     * @throws IOException                  when the file cannot be read
     */
    public static CategoryCatalogue load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        }
    }

    /**
     * Loads a catalogue from a stream, which the caller closes.
     *
     * @param source names the input in error messages, e.g. a file name or URL
     * @throws CatalogueValidationException when the input is not a valid catalogue; lists every problem
     * @throws IOException                  when the stream cannot be read
     */
    public static CategoryCatalogue load(InputStream in, String source) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        return CatalogueValidator.validate(CatalogueJson.read(in, source), source);
    }

    /**
     * Writes this catalogue in the file format, so that {@link #load(InputStream, String)} gives an
     * equal catalogue back. The stream is flushed, not closed.
     */
    public void writeTo(OutputStream out) throws IOException {
        CatalogueJson.write(this, out);
        out.flush();
    }

    // ---- departments and classes ----

    /** All departments, in file order. */
    public List<Department> departments() {
        return departments;
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(departmentsByCode.get(code));
    }

    /** All major classes, ordered by kind, then number. */
    public List<MajorClass> majorClasses() {
        return majorClasses;
    }

    public List<MajorClass> majorClasses(CategoryKind kind) {
        return majorClasses.stream().filter(m -> m.kind() == kind).toList();
    }

    public Optional<MajorClass> majorClass(CategoryKind kind, int major) {
        return majorClasses.stream().filter(m -> m.kind() == kind && m.code() == major).findFirst();
    }

    // ---- sources and rules ----

    /** The published rules the categories' time limits cite, in file order. */
    public List<CatalogueSource> sources() {
        return sources;
    }

    public Optional<CatalogueSource> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Who approves a request for time, by tier ({@link ExtensionApproval#DEFAULT} unless the file names its own). */
    public ExtensionApproval extensionApproval() {
        return extensionApproval;
    }

    // ---- categories ----

    /** All categories, ordered by code (components, events, services; then major, minor). */
    public List<Category> categories() {
        return categories;
    }

    public List<Category> categories(CategoryKind kind) {
        return categories.stream().filter(c -> c.kind() == kind).toList();
    }

    public List<Category> categories(CategoryKind kind, int major) {
        return categories.stream().filter(c -> c.kind() == kind && c.code().major() == major).toList();
    }

    public Optional<Category> byCode(CategoryCode code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * The category with the canonical code, e.g. {@code "E0401"}.
     *
     * @throws IllegalArgumentException when {@code code} is not a well-formed category code
     */
    public Optional<Category> byCode(String code) {
        return byCode(CategoryCode.parse(code));
    }

    /** The category behind an Open311 {@code service_code}. */
    public Optional<Category> byServiceCode(String serviceCode) {
        return Optional.ofNullable(byServiceCode.get(serviceCode));
    }

    /**
     * Categories an alarm of this sensor type may report, ordered by code. Several are usual: a
     * manhole-tilt sensor sits under a water, sewage, gas… cover, and the edge node's device record
     * (not the catalogue) says which.
     */
    public List<Category> bySensorType(SensorType type) {
        return bySensorType.getOrDefault(type, List.of());
    }

    /** Categories whose responsible department has this code, ordered by code. */
    public List<Category> byResponsibleDepartment(String departmentCode) {
        return byResponsibleDepartment.getOrDefault(departmentCode, List.of());
    }

    /** Categories a case of which may be dispatched to this department, at any place in the order. */
    public List<Category> dispatchableTo(String departmentCode) {
        return categories.stream()
                .filter(c -> c.dispatchOrder().stream().anyMatch(d -> d.code().equals(departmentCode)))
                .toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CategoryCatalogue that
                && departments.equals(that.departments)
                && majorClasses.equals(that.majorClasses)
                && categories.equals(that.categories)
                && sources.equals(that.sources)
                && extensionApproval.equals(that.extensionApproval);
    }

    @Override
    public int hashCode() {
        return Objects.hash(departments, majorClasses, categories);
    }

    @Override
    public String toString() {
        return "CategoryCatalogue[" + departments.size() + " departments, " + majorClasses.size()
                + " major classes, " + categories.size() + " categories]";
    }

    private static <K, V> Map<K, V> index(List<V> values, java.util.function.Function<V, K> key) {
        Map<K, V> map = new HashMap<>();
        for (V value : values) {
            map.put(key.apply(value), value);
        }
        return Map.copyOf(map);
    }

    // Lazily parsed on first use, then shared: the catalogue is immutable.
    private static final class DefaultHolder {
        static final CategoryCatalogue INSTANCE = loadResource();

        private static CategoryCatalogue loadResource() {
            try (InputStream in = CategoryCatalogue.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("classpath resource " + DEFAULT_RESOURCE + " is missing");
                }
                return load(in, "classpath:" + DEFAULT_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
            } catch (CatalogueValidationException e) {
                throw new IllegalStateException("the shipped category catalogue is invalid", e);
            }
        }
    }
}
