package org.citygrid.model.category;

import java.util.Objects;

/**
 * A major class (大类) of one kind, e.g. component 01 公用设施 or event 04 突发事件.
 *
 * @param kind the kind the class belongs to; the same number means different classes in different kinds
 * @param code the two-digit class number, 1..99
 * @param name the class name in Chinese and English
 */
public record MajorClass(CategoryKind kind, int code, LocalizedText name) {

    /** Major class numbers reserved for CityGrid's community services, outside the standard's range. */
    public static final int FIRST_SERVICE_MAJOR = 90;

    public MajorClass {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (code < 1 || code > 99) {
            throw new IllegalArgumentException("major class must be 01..99, was " + code);
        }
    }

    /** The class number as printed, e.g. {@code "04"}. */
    public String codeText() {
        return code < 10 ? "0" + code : Integer.toString(code);
    }

    /** Whether the class number lies in the range allowed for its kind (services 90..99, others 01..89). */
    public boolean inRangeForKind() {
        return (kind == CategoryKind.SERVICE) == (code >= FIRST_SERVICE_MAJOR);
    }
}
