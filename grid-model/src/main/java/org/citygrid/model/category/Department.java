package org.citygrid.model.category;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A handling department (专业部门 or territorial office) that cases are dispatched to.
 *
 * @param code        stable upper-case identifier used in the catalogue and on the wire, e.g. {@code WATER_SUPPLY}
 * @param name        the department's name in Chinese and English
 * @param territorial whether there is one per street or community rather than one for the city
 */
public record Department(String code, LocalizedText name, TerritorialLevel territorial) {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    public Department {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("department code must be UPPER_SNAKE_CASE, was \"" + code + "\"");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(territorial, "territorial");
    }

    public boolean isTerritorial() {
        return territorial.isTerritorial();
    }
}
