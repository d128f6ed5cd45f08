package org.citygrid.model.category;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.citygrid.model.category.CatalogueJson.CategoryEntry;
import org.citygrid.model.category.CatalogueJson.DepartmentEntry;
import org.citygrid.model.category.CatalogueJson.Document;
import org.citygrid.model.category.CatalogueJson.Hours;
import org.citygrid.model.category.CatalogueJson.Limits;
import org.citygrid.model.category.CatalogueJson.MajorClassEntry;
import org.citygrid.model.category.CatalogueJson.SourceEntry;
import org.citygrid.model.category.CatalogueJson.Text;
import org.citygrid.model.category.CatalogueJson.TierEntry;
import org.citygrid.model.cases.Role;

/**
 * Turns a catalogue document into a {@link CategoryCatalogue}, or reports everything wrong with it.
 *
 * <p>Every entry is checked even after a problem is found, and each problem names its entry, so an
 * operator editing a large file sees all mistakes at once. A problem is reported once, where it is:
 * a category that refers to a department whose own entry is defective is not reported again.
 */
final class CatalogueValidator {

    private final String source;
    private final List<CatalogueProblem> problems = new ArrayList<>();
    // Entries already reported as defective: references to them are not reported a second time.
    private final Set<String> defectiveDepartments = new java.util.HashSet<>();
    private final Set<Key> defectiveMajorClasses = new java.util.HashSet<>();
    private int format;
    private Map<String, CatalogueSource> sources = Map.of();

    /**
     * The major class names GB/T 30428.2 (and CJ/T 214 before it) gives: a catalogue that declares
     * one of these numbers names it so. 07 扩展部件 and 06 扩展事件 are where a city adds its own.
     */
    static final Map<Key, String> STANDARD_MAJOR_CLASSES = Map.ofEntries(
            Map.entry(new Key(CategoryKind.COMPONENT, 1), "公用设施"),
            Map.entry(new Key(CategoryKind.COMPONENT, 2), "道路交通"),
            Map.entry(new Key(CategoryKind.COMPONENT, 3), "市容环境"),
            Map.entry(new Key(CategoryKind.COMPONENT, 4), "园林绿化"),
            Map.entry(new Key(CategoryKind.COMPONENT, 5), "房屋土地"),
            Map.entry(new Key(CategoryKind.COMPONENT, 6), "其他设施"),
            Map.entry(new Key(CategoryKind.COMPONENT, 7), "扩展部件"),
            Map.entry(new Key(CategoryKind.EVENT, 1), "市容环境"),
            Map.entry(new Key(CategoryKind.EVENT, 2), "宣传广告"),
            Map.entry(new Key(CategoryKind.EVENT, 3), "施工管理"),
            Map.entry(new Key(CategoryKind.EVENT, 4), "突发事件"),
            Map.entry(new Key(CategoryKind.EVENT, 5), "街面秩序"),
            Map.entry(new Key(CategoryKind.EVENT, 6), "扩展事件"));

    private CatalogueValidator(String source) {
        this.source = source;
    }

    static CategoryCatalogue validate(Document document, String source) {
        return new CatalogueValidator(source).run(document);
    }

    private CategoryCatalogue run(Document document) {
        Integer version = document.formatVersion();
        if (version == null || version < CatalogueJson.FIRST_FORMAT_VERSION || version > CatalogueJson.FORMAT_VERSION) {
            problem("catalogue", "formatVersion must be " + CatalogueJson.FIRST_FORMAT_VERSION + " or "
                    + CatalogueJson.FORMAT_VERSION + ", was " + version);
            // judge the rest by what it looks like, so the one mistake is reported once
            boolean hours = document.categories() != null && document.categories().stream()
                    .anyMatch(c -> c != null && c.timeLimitsHours() != null);
            format = hours ? CatalogueJson.FIRST_FORMAT_VERSION : CatalogueJson.FORMAT_VERSION;
        } else {
            format = version;
        }
        sources = sources(document.sources());
        ExtensionApproval approval = approval(document.extensionApproval());
        Map<String, Department> departments = departments(orEmpty(document.departments(), "departments"));
        Map<Key, MajorClass> majorClasses = majorClasses(orEmpty(document.majorClasses(), "majorClasses"));
        List<Category> categories = categories(orEmpty(document.categories(), "categories"), departments, majorClasses);
        if (!problems.isEmpty()) {
            throw new CatalogueValidationException(source, problems);
        }
        return new CategoryCatalogue(List.copyOf(departments.values()), List.copyOf(majorClasses.values()), categories,
                List.copyOf(sources.values()), approval);
    }

    record Key(CategoryKind kind, int major) {
    }

    // ---- sources and approval tiers ----

    private Map<String, CatalogueSource> sources(List<SourceEntry> entries) {
        Map<String, CatalogueSource> byId = new java.util.LinkedHashMap<>();
        List<SourceEntry> list = entries == null ? List.of() : entries;
        for (int i = 0; i < list.size(); i++) {
            SourceEntry e = list.get(i);
            String where = "sources[" + i + "]" + (e == null || e.id() == null ? "" : " (" + e.id() + ")");
            if (e == null || blank(e.id()) || blank(e.title())) {
                problem(where, "a source needs an id and a title");
            } else if (byId.containsKey(e.id())) {
                problem(where, "duplicate source id " + e.id());
            } else {
                byId.put(e.id(), new CatalogueSource(e.id(), e.title(), e.url()));
            }
        }
        return byId;
    }

    private ExtensionApproval approval(List<TierEntry> entries) {
        if (entries == null) {
            return ExtensionApproval.DEFAULT;
        }
        List<ExtensionApproval.Tier> tiers = new ArrayList<>();
        int before = problems.size();
        for (int i = 0; i < entries.size(); i++) {
            TierEntry e = entries.get(i);
            String where = "extensionApproval[" + i + "]";
            if (e == null) {
                problem(where, "is null");
                continue;
            }
            Role role = enumValue(Role.class, e.approver(), "approver", where);
            if (role == null) {
                continue;
            }
            try {
                tiers.add(new ExtensionApproval.Tier(role, e.maxGranted(), e.maxShare()));
            } catch (IllegalArgumentException bad) {
                problem(where, bad.getMessage());
            }
        }
        if (problems.size() != before) {
            return ExtensionApproval.DEFAULT;
        }
        try {
            return new ExtensionApproval(tiers);
        } catch (IllegalArgumentException bad) {
            problem("extensionApproval", bad.getMessage());
            return ExtensionApproval.DEFAULT;
        }
    }

    // ---- departments ----

    private Map<String, Department> departments(List<DepartmentEntry> entries) {
        Map<String, Department> byCode = new java.util.LinkedHashMap<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            DepartmentEntry entry = entries.get(i);
            String where = "departments[" + i + "]" + (entry == null || entry.code() == null ? "" : " (" + entry.code() + ")");
            if (entry == null) {
                problem(where, "is null");
                continue;
            }
            int before = problems.size();
            if (blank(entry.code())) {
                problem(where, "code is missing");
            } else if (!Department.CODE.matcher(entry.code()).matches()) {
                problem(where, "code \"" + entry.code() + "\" must be UPPER_SNAKE_CASE");
            } else if (firstIndex.containsKey(entry.code())) {
                problem(where, "duplicate department code " + entry.code()
                        + " (first at departments[" + firstIndex.get(entry.code()) + "])");
            }
            LocalizedText name = text(entry.name(), "name", where);
            TerritorialLevel territorial = enumValue(TerritorialLevel.class, entry.territorial(), "territorial", where);
            if (problems.size() == before) {
                firstIndex.put(entry.code(), i);
                byCode.put(entry.code(), new Department(entry.code(), name, territorial));
            } else if (!blank(entry.code())) {
                firstIndex.putIfAbsent(entry.code(), i);
                defectiveDepartments.add(entry.code());
            }
        }
        return byCode;
    }

    // ---- major classes ----

    private Map<Key, MajorClass> majorClasses(List<MajorClassEntry> entries) {
        Map<Key, MajorClass> byKey = new java.util.LinkedHashMap<>();
        Map<Key, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            MajorClassEntry entry = entries.get(i);
            String where = entry == null ? "majorClasses[" + i + "]"
                    : "majorClasses[" + i + "] (" + entry.kind() + " " + entry.code() + ")";
            if (entry == null) {
                problem(where, "is null");
                continue;
            }
            int before = problems.size();
            CategoryKind kind = enumValue(CategoryKind.class, entry.kind(), "kind", where);
            Integer code = twoDigits(entry.code(), "code", where);
            LocalizedText name = text(entry.name(), "name", where);
            if (problems.size() != before) {
                if (kind != null && code != null) {
                    defectiveMajorClasses.add(new Key(kind, code));
                }
                continue;
            }
            MajorClass major = new MajorClass(kind, code, name);
            Key key = new Key(kind, code);
            String standardName = STANDARD_MAJOR_CLASSES.get(key);
            if (!major.inRangeForKind()) {
                problem(where, kind == CategoryKind.SERVICE
                        ? "service major classes must be " + MajorClass.FIRST_SERVICE_MAJOR + "..99, outside the standard's range"
                        : kind + " major classes must be 01.." + (MajorClass.FIRST_SERVICE_MAJOR - 1)
                                + "; " + MajorClass.FIRST_SERVICE_MAJOR + "..99 are reserved for services");
            } else if (firstIndex.containsKey(key)) {
                problem(where, "duplicate major class " + kind + " " + major.codeText()
                        + " (first at majorClasses[" + firstIndex.get(key) + "])");
            } else if (standardName != null && !standardName.equals(name.zh())) {
                problem(where, kind + " major class " + major.codeText() + " is " + standardName
                        + " in GB/T 30428.2, not " + name.zh());
                defectiveMajorClasses.add(key);
            } else {
                firstIndex.put(key, i);
                byKey.put(key, major);
            }
        }
        return byKey;
    }

    // ---- categories ----

    private List<Category> categories(
            List<CategoryEntry> entries, Map<String, Department> departments, Map<Key, MajorClass> majorClasses) {
        List<Category> categories = new ArrayList<>();
        Map<CategoryCode, Integer> codeIndex = new HashMap<>();
        Map<String, Integer> serviceCodeIndex = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            CategoryEntry entry = entries.get(i);
            String where = "categories[" + i + "]" + (entry == null ? "" : " (" + label(entry) + ")");
            if (entry == null) {
                problem(where, "is null");
                continue;
            }
            int before = problems.size();
            CategoryCode code = code(entry, where);
            MajorClass majorClass = null;
            if (code != null) {
                majorClass = majorClasses.get(new Key(code.kind(), code.major()));
                if (majorClass == null && !defectiveMajorClasses.contains(new Key(code.kind(), code.major()))) {
                    problem(where, "major class " + code.kind() + " " + code.majorCode()
                            + " is not declared in majorClasses");
                }
                Integer first = codeIndex.putIfAbsent(code, i);
                if (first != null) {
                    problem(where, "duplicate category code " + code + " (first at categories[" + first + "])");
                }
            }
            LocalizedText name = text(entry.name(), "name", where);
            Department responsible = department(entry.responsibleDepartment(), "responsibleDepartment", departments, where);
            List<Department> dispatchOrder = dispatchOrder(entry, responsible, departments, where);
            LocalizedText criteria = text(entry.filingCriteria(), "filingCriteria", where);
            LocalizedText closing = format >= 2 || entry.closingCriteria() != null
                    ? text(entry.closingCriteria(), "closingCriteria", where) : null;
            SlaClockKind clock = enumValue(SlaClockKind.class, entry.slaClock(), "slaClock", where);
            TimeLimits limits = format >= 2 ? limits(entry, clock, where) : timeLimits(entry.timeLimitsHours(), where);
            String limitSource = entry.timeLimitSource();
            if (limitSource != null && !sources.containsKey(limitSource)) {
                problem(where, "timeLimitSource refers to unknown source \"" + limitSource + "\"");
            }
            Set<SensorType> sensorTypes = sensorTypes(entry.sensorTypes(), where);
            Set<AutoFilingChannel> channels = channels(entry.autoFiling(), sensorTypes, where);
            Priority priority = enumValue(Priority.class, entry.priority(), "priority", where);
            Open311Service open311 = open311(entry, serviceCodeIndex, i, where);
            List<String> keywords = keywords(entry.keywords(), where);
            CodeSource codeSource = entry.codeSource() == null ? CodeSource.UNVERIFIED
                    : enumValue(CodeSource.class, entry.codeSource(), "codeSource", where);
            // a part can be null without a new problem when it refers to an entry reported already
            boolean complete = Stream.of(code, majorClass, name, responsible, criteria, limits, clock, priority,
                    open311, codeSource).allMatch(Objects::nonNull);
            if (problems.size() == before && complete) {
                categories.add(new Category(code, majorClass, name, responsible, dispatchOrder, criteria, limits, clock,
                        channels, sensorTypes, priority, open311, keywords, codeSource, closing, limitSource));
            }
        }
        return categories;
    }

    private static String label(CategoryEntry entry) {
        String kind;
        try {
            kind = entry.kind() == null ? "?" : String.valueOf(CategoryKind.valueOf(entry.kind()).prefix());
        } catch (IllegalArgumentException e) {
            kind = entry.kind() + " ";
        }
        String label = kind + Objects.toString(entry.major(), "??") + Objects.toString(entry.minor(), "??");
        return entry.name() == null || blank(entry.name().zh()) ? label : label + " " + entry.name().zh();
    }

    private CategoryCode code(CategoryEntry entry, String where) {
        CategoryKind kind = enumValue(CategoryKind.class, entry.kind(), "kind", where);
        Integer major = twoDigits(entry.major(), "major", where);
        Integer minor = twoDigits(entry.minor(), "minor", where);
        return kind == null || major == null || minor == null ? null : new CategoryCode(kind, major, minor);
    }

    private List<Department> dispatchOrder(
            CategoryEntry entry, Department responsible, Map<String, Department> departments, String where) {
        List<String> codes = entry.dispatchOrder();
        if (codes == null || codes.isEmpty()) {
            problem(where, "dispatchOrder must name at least one department");
            return List.of();
        }
        List<Department> order = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String code : codes) {
            if (!seen.add(code)) {
                problem(where, "dispatchOrder names " + code + " twice");
                continue;
            }
            if (responsible == null && Objects.equals(code, entry.responsibleDepartment())) {
                continue; // the unknown responsible department has been reported already
            }
            Department department = department(code, "dispatchOrder", departments, where);
            if (department != null) {
                order.add(department);
            }
        }
        if (responsible != null && !order.contains(responsible) && departments.containsKey(responsible.code())) {
            problem(where, "dispatchOrder must include the responsible department " + responsible.code());
        }
        return order;
    }

    private Department department(String code, String field, Map<String, Department> departments, String where) {
        if (blank(code)) {
            problem(where, field + " is missing");
            return null;
        }
        Department department = departments.get(code);
        if (department == null && !defectiveDepartments.contains(code)) {
            problem(where, field + " refers to unknown department \"" + code + "\"");
        }
        return department;
    }

    /** Format 2: each step in hours or working days; working days only where the clock counts working time. */
    private TimeLimits limits(CategoryEntry entry, SlaClockKind clock, String where) {
        if (entry.timeLimitsHours() != null) {
            problem(where, "timeLimitsHours is format 1; format 2 writes timeLimits, e.g. {\"handle\": \"15wd\"}");
        }
        Limits l = entry.timeLimits();
        if (l == null) {
            problem(where, "timeLimits is missing");
            return null;
        }
        TimeLimit file = limit(l.file(), "file", clock, where);
        TimeLimit verify = limit(l.verify(), "verify", clock, where);
        TimeLimit dispatch = limit(l.dispatch(), "dispatch", clock, where);
        TimeLimit handle = limit(l.handle(), "handle", clock, where);
        TimeLimit check = limit(l.check(), "check", clock, where);
        TimeLimit close = limit(l.close(), "close", clock, where);
        return Stream.of(file, verify, dispatch, handle, check, close).allMatch(Objects::nonNull)
                ? new TimeLimits(file, verify, dispatch, handle, check, close) : null;
    }

    private static final java.time.Duration SEVEN_HOURS = java.time.Duration.ofHours(7);

    private TimeLimit limit(String text, String step, SlaClockKind clock, String where) {
        String field = "timeLimits." + step;
        if (text == null) {
            problem(where, field + " is missing");
            return null;
        }
        TimeLimit limit;
        try {
            limit = TimeLimit.parse(text);
        } catch (IllegalArgumentException bad) {
            problem(where, field + ": " + bad.getMessage());
            return null;
        }
        if (limit.unit() == TimeLimit.Unit.WORKING_DAYS && clock == SlaClockKind.ROUND_THE_CLOCK) {
            problem(where, field + " is " + limit + ", but a round-the-clock category counts hours, not working days");
            return null;
        }
        // hours must be whole minutes; working days whole or half days, whole minutes on any calendar of whole hours
        boolean whole = limit.unit() == TimeLimit.Unit.HOURS ? limit.isWholeMinutes(SEVEN_HOURS)
                : limit.amount().multiply(java.math.BigDecimal.valueOf(2)).stripTrailingZeros().scale() <= 0;
        if (!whole) {
            problem(where, field + " must be whole minutes (hours) or whole or half working days, was " + limit);
            return null;
        }
        return limit;
    }

    private TimeLimits timeLimits(Hours hours, String where) {
        if (hours == null) {
            problem(where, "timeLimitsHours is missing");
            return null;
        }
        Duration file = limit(hours.file(), "file", where);
        Duration dispatch = limit(hours.dispatch(), "dispatch", where);
        Duration handle = limit(hours.handle(), "handle", where);
        Duration check = limit(hours.check(), "check", where);
        return file == null || dispatch == null || handle == null || check == null ? null
                : TimeLimits.ofHours(file.toMinutes() / 60.0, dispatch.toMinutes() / 60.0, handle.toMinutes() / 60.0,
                check.toMinutes() / 60.0);
    }

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    private Duration limit(BigDecimal hours, String step, String where) {
        String field = "timeLimitsHours." + step;
        if (hours == null) {
            problem(where, field + " is missing");
            return null;
        }
        if (hours.signum() <= 0) {
            problem(where, field + " must be positive, was " + hours.toPlainString());
            return null;
        }
        BigDecimal minutes = hours.multiply(MINUTES_PER_HOUR);
        if (minutes.stripTrailingZeros().scale() > 0) {
            problem(where, field + " must be a whole number of minutes, was " + hours.toPlainString() + " h");
            return null;
        }
        return Duration.ofMinutes(minutes.longValueExact());
    }

    private Set<SensorType> sensorTypes(List<String> ids, String where) {
        Set<SensorType> types = EnumSet.noneOf(SensorType.class);
        for (String id : ids == null ? List.<String>of() : ids) {
            SensorType.fromId(Objects.toString(id, "")).ifPresentOrElse(types::add, () -> problem(where,
                    "unknown sensor type \"" + id + "\" (known: " + java.util.Arrays.stream(SensorType.values())
                            .map(SensorType::id).collect(Collectors.joining(", ")) + ")"));
        }
        return types;
    }

    private Set<AutoFilingChannel> channels(List<String> names, Set<SensorType> sensorTypes, String where) {
        Set<AutoFilingChannel> channels = EnumSet.noneOf(AutoFilingChannel.class);
        for (String name : names == null ? List.<String>of() : names) {
            AutoFilingChannel channel = enumValue(AutoFilingChannel.class, name, "autoFiling channel", where);
            if (channel != null) {
                channels.add(channel);
            }
        }
        if (channels.contains(AutoFilingChannel.SENSOR) && sensorTypes.isEmpty()) {
            problem(where, "autoFiling includes SENSOR but no sensorTypes raise this category");
        }
        return channels;
    }

    private Open311Service open311(CategoryEntry entry, Map<String, Integer> serviceCodeIndex, int index, String where) {
        var open311 = entry.open311();
        if (open311 == null) {
            problem(where, "open311 is missing");
            return null;
        }
        boolean ok = true;
        if (blank(open311.serviceCode())) {
            problem(where, "open311.serviceCode is missing");
            ok = false;
        } else {
            Integer first = serviceCodeIndex.putIfAbsent(open311.serviceCode(), index);
            if (first != null) {
                problem(where, "duplicate Open311 service code " + open311.serviceCode()
                        + " (first at categories[" + first + "])");
                ok = false;
            }
        }
        if (blank(open311.group())) {
            problem(where, "open311.group is missing");
            ok = false;
        }
        return ok ? new Open311Service(open311.serviceCode(), open311.group()) : null;
    }

    private List<String> keywords(List<String> keywords, String where) {
        List<String> result = keywords == null ? List.of() : keywords;
        if (result.stream().anyMatch(CatalogueValidator::blank)) {
            problem(where, "keywords must not contain blank entries");
        }
        return result.stream().filter(k -> !blank(k)).toList();
    }

    // ---- shared helpers ----

    private LocalizedText text(Text text, String field, String where) {
        if (text == null) {
            problem(where, field + " is missing (needs zh and en)");
            return null;
        }
        boolean zhMissing = blank(text.zh());
        boolean enMissing = blank(text.en());
        if (zhMissing) {
            problem(where, field + ".zh is missing");
        }
        if (enMissing) {
            problem(where, field + ".en is missing");
        }
        return zhMissing || enMissing ? null : new LocalizedText(text.zh(), text.en());
    }

    private Integer twoDigits(String text, String field, String where) {
        if (text == null) {
            problem(where, field + " is missing");
            return null;
        }
        if (!CategoryCode.isTwoDigits(text) || text.equals("00")) {
            problem(where, field + " must be two digits 01..99, was \"" + text + "\"");
            return null;
        }
        return Integer.parseInt(text);
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String name, String field, String where) {
        if (blank(name)) {
            problem(where, field + " is missing");
            return null;
        }
        Map<String, E> byName = java.util.Arrays.stream(type.getEnumConstants())
                .collect(Collectors.toMap(Enum::name, Function.identity()));
        E value = byName.get(name);
        if (value == null) {
            problem(where, "unknown " + field + " \"" + name + "\" (expected one of "
                    + CatalogueJson.joinNames(type.getEnumConstants()) + ")");
        }
        return value;
    }

    private <T> List<T> orEmpty(List<T> list, String field) {
        if (list == null) {
            problem("catalogue", field + " is missing");
            return List.of();
        }
        return list;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private void problem(String where, String message) {
        problems.add(new CatalogueProblem(where, message));
    }
}
