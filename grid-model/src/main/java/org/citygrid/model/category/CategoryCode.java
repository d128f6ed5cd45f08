package org.citygrid.model.category;

import java.util.Objects;

/**
 * The identity of a category: its kind, a two-digit major class and a two-digit minor class.
 *
 * <p>The canonical text form is the kind's prefix followed by the four digits, e.g. {@code C0101}
 * (component: water-supply manhole cover) or {@code E0401} (event: road collapse). The four digits
 * alone ({@link #digits()}) are what the national standard prints; they are ambiguous without the
 * kind. A component's asset code (county code + these four digits + serial) is built elsewhere.
 *
 * @param kind  what the category classifies
 * @param major the major class, 1..99
 * @param minor the minor class within the major class, 1..99
 */
public record CategoryCode(CategoryKind kind, int major, int minor) implements Comparable<CategoryCode> {

    public CategoryCode {
        Objects.requireNonNull(kind, "kind");
        if (major < 1 || major > 99) {
            throw new IllegalArgumentException("major class must be 01..99, was " + major);
        }
        if (minor < 1 || minor > 99) {
            throw new IllegalArgumentException("minor class must be 01..99, was " + minor);
        }
    }

    public static CategoryCode of(CategoryKind kind, int major, int minor) {
        return new CategoryCode(kind, major, minor);
    }

    /**
     * Parses the canonical form, a kind prefix and four digits such as {@code E0401}.
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static CategoryCode parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() != 5) {
            throw new IllegalArgumentException(
                    "a category code is a kind letter and four digits, like C0101; got \"" + text + "\"");
        }
        CategoryKind kind;
        try {
            kind = CategoryKind.fromPrefix(text.charAt(0));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" does not start with C, E or S", e);
        }
        return parse(kind, text.substring(1));
    }

    /**
     * Parses the four digits the standard prints, for a kind known from context.
     *
     * @throws IllegalArgumentException when {@code digits} is not exactly four ASCII digits in 0101..9999
     */
    public static CategoryCode parse(CategoryKind kind, String digits) {
        Objects.requireNonNull(digits, "digits");
        if (!isTwoDigits(digits, 0) || digits.length() != 4 || !isTwoDigits(digits, 2)) {
            throw new IllegalArgumentException("expected four digits like 0101, got \"" + digits + "\"");
        }
        return new CategoryCode(kind, Integer.parseInt(digits, 0, 2, 10), Integer.parseInt(digits, 2, 4, 10));
    }

    /** Whether {@code text} is exactly two ASCII digits; the catalogue validator uses it for each part. */
    static boolean isTwoDigits(String text) {
        return text != null && text.length() == 2 && isTwoDigits(text, 0);
    }

    private static boolean isTwoDigits(String text, int from) {
        return text.length() >= from + 2 && isAsciiDigit(text.charAt(from)) && isAsciiDigit(text.charAt(from + 1));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The major class as printed, e.g. {@code "04"}. */
    public String majorCode() {
        return twoDigits(major);
    }

    /** The minor class as printed, e.g. {@code "01"}. */
    public String minorCode() {
        return twoDigits(minor);
    }

    /** The four digits the standard prints, e.g. {@code "0401"}; ambiguous without {@link #kind()}. */
    public String digits() {
        return majorCode() + minorCode();
    }

    /** The canonical form, e.g. {@code "E0401"}. */
    @Override
    public String toString() {
        return kind.prefix() + digits();
    }

    /** Orders by kind, then major, then minor, the order the catalogue lists categories in. */
    @Override
    public int compareTo(CategoryCode other) {
        int byKind = kind.compareTo(other.kind);
        if (byKind != 0) {
            return byKind;
        }
        int byMajor = Integer.compare(major, other.major);
        return byMajor != 0 ? byMajor : Integer.compare(minor, other.minor);
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
