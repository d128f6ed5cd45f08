package org.citygrid.model.worktime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads holiday years from JSON files, one file per year.
 *
 * <h2>Format</h2>
 * <pre>{@code
 * {
 *   "year": 2024,
 *   "source": "国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号)",
 *   "holidays": [
 *     {
 *       "name": { "zh": "春节", "en": "Spring Festival" },
 *       "daysOff": ["2024-02-10/2024-02-17"],
 *       "makeUpWorkdays": ["2024-02-04", "2024-02-18"],
 *       "note": "free text"
 *     }
 *   ]
 * }
 * }</pre>
 * <ul>
 * <li>{@code year} (required): the calendar year; every date in the file must lie in it.</li>
 * <li>{@code source} (optional): the notice the dates are taken from.</li>
 * <li>{@code holidays} (required, not empty): one entry per break, in any order.</li>
 * <li>{@code name} (required): {@code zh} and {@code en}, both non-blank.</li>
 * <li>{@code daysOff} (required, not empty): ISO dates {@code yyyy-MM-dd}, or inclusive ranges
 *     written as an ISO 8601 interval {@code yyyy-MM-dd/yyyy-MM-dd}. Weekend days of the break may
 *     be listed; they are off anyway, but then carry the holiday's name.</li>
 * <li>{@code makeUpWorkdays} (optional): Saturdays and Sundays worked for this break (调休上班).</li>
 * <li>{@code note} (optional): free text for people.</li>
 * </ul>
 * Any other field is an error, so that a misspelt {@code makeUpWorkdays} cannot silently drop the
 * make-up days. Everything wrong in a file is reported at once in one {@link HolidayDataException}.
 *
 * <p>The years CityGrid ships are {@link #bundledChina()}; an operator adds a year (the notice for
 * the next year usually appears in October or November) with {@link #read(Path)} on a file or a
 * directory of them, without waiting for a release.
 */
public final class HolidayDataFiles {

    /** The years shipped in the jar as {@code worktime/cn-YYYY.json}. */
    public static final List<Year> BUNDLED_CHINA_YEARS = List.of(Year.of(2024), Year.of(2025), Year.of(2026));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> YEAR_FIELDS = Set.of("year", "source", "holidays");
    private static final Set<String> HOLIDAY_FIELDS = Set.of("name", "daysOff", "makeUpWorkdays", "note");

    private HolidayDataFiles() {
    }

    /**
     * The Chinese public holidays shipped with CityGrid, {@link #BUNDLED_CHINA_YEARS}.
     *
     * @throws HolidayDataException if a bundled file is missing or invalid (a build defect)
     */
    public static List<HolidayYear> bundledChina() {
        List<HolidayYear> years = new ArrayList<>();
        for (Year year : BUNDLED_CHINA_YEARS) {
            String resource = "worktime/cn-" + year + ".json";
            try (InputStream in = HolidayDataFiles.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new HolidayDataException(resource, List.of("resource not found on the class path"));
                }
                HolidayYear read = read(in, resource);
                if (!read.year().equals(year)) {
                    throw new HolidayDataException(resource, List.of("holds year " + read.year() + ", not " + year));
                }
                years.add(read);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return List.copyOf(years);
    }

    /**
     * The holiday years in a file, or in every {@code *.json} file of a directory (not recursive).
     *
     * @throws HolidayDataException if a file is invalid, or two files hold the same year
     * @throws UncheckedIOException if a file cannot be read
     */
    public static List<HolidayYear> read(Path fileOrDirectory) {
        if (!Files.isDirectory(fileOrDirectory)) {
            return List.of(readFile(fileOrDirectory));
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(fileOrDirectory)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + fileOrDirectory, e);
        }
        List<HolidayYear> years = new ArrayList<>();
        Map<Year, Path> fileOfYear = new HashMap<>();
        for (Path file : files) {
            HolidayYear year = readFile(file);
            Path earlier = fileOfYear.putIfAbsent(year.year(), file);
            if (earlier != null) {
                throw new HolidayDataException(file.toString(),
                        List.of("year " + year.year() + " is also in " + earlier + "; keep one file per year"));
            }
            years.add(year);
        }
        return List.copyOf(years);
    }

    private static HolidayYear readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read holiday data " + file, e);
        }
    }

    /**
     * One holiday year from a JSON document in the format above.
     *
     * @param origin names the source in error messages, e.g. the file name
     * @throws HolidayDataException listing every problem of the document
     */
    public static HolidayYear read(InputStream in, String origin) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new HolidayDataException(origin, List.of("not valid JSON: " + e.getOriginalMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new HolidayDataException(origin, List.of("expected a JSON object with year and holidays"));
        }
        List<String> problems = new ArrayList<>();
        unknownFields(root, YEAR_FIELDS, "the file", problems);

        JsonNode yearNode = root.get("year");
        Year year = null;
        if (yearNode == null || !yearNode.canConvertToInt() || !yearNode.isIntegralNumber()) {
            problems.add("'year' is required and must be a whole number, e.g. 2025");
        } else {
            year = Year.of(yearNode.intValue());
        }
        JsonNode sourceNode = root.get("source");
        if (sourceNode != null && !sourceNode.isTextual()) {
            problems.add("'source' must be text");
        }

        List<Holiday> holidays = new ArrayList<>();
        JsonNode holidaysNode = root.get("holidays");
        if (holidaysNode == null || !holidaysNode.isArray()) {
            problems.add("'holidays' is required and must be a list");
        } else {
            int index = 0;
            for (JsonNode h : holidaysNode) {
                Holiday holiday = holiday(h, ++index, problems);
                if (holiday != null) {
                    holidays.add(holiday);
                }
            }
        }
        if (year != null && problems.isEmpty()) {
            problems.addAll(HolidayYear.problems(year, holidays));
        }
        if (!problems.isEmpty()) {
            throw new HolidayDataException(origin, problems);
        }
        return HolidayYear.of(year, sourceNode == null ? "" : sourceNode.textValue(), holidays);
    }

    private static Holiday holiday(JsonNode node, int index, List<String> problems) {
        String where = "holiday #" + index;
        if (!node.isObject()) {
            problems.add(where + " must be an object with name and daysOff");
            return null;
        }
        int before = problems.size();
        HolidayName name = null;
        JsonNode nameNode = node.get("name");
        if (nameNode == null || !nameNode.isObject()) {
            problems.add(where + " has no name: give \"name\": {\"zh\": ..., \"en\": ...}");
        } else {
            String zh = nameNode.path("zh").asText("");
            String en = nameNode.path("en").asText("");
            if (zh.isBlank() || en.isBlank()) {
                problems.add(where + " needs both a Chinese (zh) and an English (en) name");
            } else {
                name = new HolidayName(zh, en);
                where = where + " " + name;
            }
        }
        unknownFields(node, HOLIDAY_FIELDS, where, problems);
        List<LocalDate> daysOff = dates(node.get("daysOff"), true, where, "daysOff", problems);
        List<LocalDate> makeUp = dates(node.get("makeUpWorkdays"), false, where, "makeUpWorkdays", problems);
        if (node.get("daysOff") != null && node.get("daysOff").isArray() && daysOff.isEmpty()
                && problems.size() == before) {
            problems.add(where + " has no days off");
        }
        return problems.size() == before ? new Holiday(name, daysOff, makeUp) : null;
    }

    private static List<LocalDate> dates(JsonNode node, boolean required, String where, String field,
                                         List<String> problems) {
        List<LocalDate> dates = new ArrayList<>();
        if (node == null) {
            if (required) {
                problems.add(where + " has no '" + field + "'");
            }
            return dates;
        }
        if (!node.isArray()) {
            problems.add(where + ": '" + field + "' must be a list of dates");
            return dates;
        }
        for (JsonNode entry : node) {
            String text = entry.asText("");
            if (!entry.isTextual()) {
                problems.add(where + ": '" + field + "' has " + entry + ", not a date");
                continue;
            }
            try {
                int slash = text.indexOf('/');
                if (slash < 0) {
                    dates.add(LocalDate.parse(text));
                } else if (!required) {
                    problems.add(where + ": '" + field + "' lists single dates, not the range '" + text + "'");
                } else {
                    LocalDate first = LocalDate.parse(text.substring(0, slash));
                    LocalDate last = LocalDate.parse(text.substring(slash + 1));
                    if (last.isBefore(first)) {
                        problems.add(where + ": the range '" + text + "' ends before it starts");
                    } else if (first.plusDays(31).isBefore(last)) {
                        problems.add(where + ": the range '" + text + "' is longer than a month; a typo?");
                    } else {
                        first.datesUntil(last.plusDays(1)).forEach(dates::add);
                    }
                }
            } catch (DateTimeParseException e) {
                problems.add(where + ": '" + text + "' in '" + field
                        + "' is not a date yyyy-MM-dd" + (required ? " or range yyyy-MM-dd/yyyy-MM-dd" : ""));
            }
        }
        return dates;
    }

    private static void unknownFields(JsonNode object, Set<String> known, String where, List<String> problems) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!known.contains(field)) {
                problems.add(where + " has an unknown field '" + field + "'; expected "
                        + known.stream().sorted().toList());
            }
        }
    }
}
