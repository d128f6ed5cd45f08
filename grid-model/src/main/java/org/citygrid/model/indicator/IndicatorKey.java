package org.citygrid.model.indicator;

import java.util.Objects;

/**
 * What a tally of indicators is about: an area at one level, a department, a person or a category.
 * Every fact of a case counts once under each area level, under its category and, while a
 * department holds the case, under that department; some facts also count under the person who
 * made them (see {@link IndicatorFacts}).
 */
public sealed interface IndicatorKey {

    /** An area: a county, street, community or unit grid, by its code at that level. */
    record Area(AreaLevel level, String code) implements IndicatorKey {
        public Area {
            Objects.requireNonNull(level, "level");
            requireText(code, "an area key needs a code");
        }

        /** The area at {@code level} that contains the unit grid {@code gridCode}. */
        public static Area of(AreaLevel level, String gridCode) {
            return new Area(level, AreaCodes.of(gridCode, level));
        }
    }

    /** A handling department (专业部门), by its department code. */
    record Department(String code) implements IndicatorKey {
        public Department {
            requireText(code, "a department key needs a code");
        }
    }

    /** A person: a grid worker, a checker or a handler, by user id. */
    record Person(String id) implements IndicatorKey {
        public Person {
            requireText(id, "a person key needs an id");
        }
    }

    /** A component or event category, by its catalogue code. */
    record Category(String code) implements IndicatorKey {
        public Category {
            requireText(code, "a category key needs a code");
        }
    }

    private static void requireText(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }
}
