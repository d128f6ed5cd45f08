package org.citygrid.model.text;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule for one kind of text field: how a value is normalised, how long it may be and which
 * characters it may hold. Immutable; get one from {@link TextRules} and name it after the caller's
 * field with {@link #named(String)}.
 *
 * <h2>Free text ({@link TextRules#description()}, {@link TextRules#note()}, {@link TextRules#label()})</h2>
 * <ul>
 *   <li><b>Normalisation, before anything is checked.</b> Line breaks become one line feed: CR LF
 *       and a lone CR (what browsers submit from a text area, RFC 7578 and HTML's form encoding),
 *       and U+2028/U+2029 (which JavaScript takes as line ends inside string literals). Then Unicode
 *       NFC, so that the same text typed on two phones is stored as the same code points (a
 *       precomposed "é" and "e" + combining accent compare equal, as they look). NFKC is not used:
 *       it would turn the full-width letters, digits and punctuation of Chinese input (Ａ, １, ：)
 *       into ASCII and change what the person wrote.</li>
 *   <li><b>Length</b> counted in code points of the normalised value, as a person counts characters
 *       (an emoji outside the BMP is one, not two).</li>
 *   <li><b>Control characters</b> are refused: U+0000–U+001F, U+007F and U+0080–U+009F. Multi-line
 *       kinds keep line feed and tab, nothing else; single-line kinds keep neither. NUL in
 *       particular cannot be stored in a PostgreSQL text column at all, and other controls forge
 *       log lines and break terminals.</li>
 *   <li><b>Invisible formatting characters</b> that make text read differently from what it is
 *       are refused: the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 *       U+2066–U+2069, the "Trojan Source" set), the deprecated format characters U+206A–U+206F, the
 *       byte-order mark U+FEFF and the interlinear annotation characters U+FFF9–U+FFFB. Zero-width
 *       joiners and non-joiners, which emoji sequences and some scripts need, are kept.</li>
 *   <li><b>Non-characters</b> are refused: lone surrogates (they cannot be written as UTF-8) and the
 *       Unicode noncharacters (U+FDD0–U+FDEF and every code point ending in FFFE or FFFF).</li>
 *   <li><b>Markup</b> is refused rather than escaped later, because a description travels to the
 *       operators' map, push notifications and Open311 clients, and not all of them can be trusted
 *       to escape it: a {@code <} directly followed by an ASCII letter, {@code /}, {@code !} or
 *       {@code ?} (exactly what opens a tag, an end tag, a comment or a processing instruction in
 *       HTML), and a {@code javascript:} scheme. Everything else is ordinary text: "a < b", "5<=6",
 *       "&lt;", quotes, semicolons and SQL words (every statement is parameterised), and
 *       "one = two" (an event handler attribute needs a tag, which is refused).</li>
 * </ul>
 *
 * <h2>Ids ({@link TextRules#reporterId()}, {@link TextRules#deviceId()}, {@link TextRules#reportId()})</h2>
 * Taken exactly as sent (no normalisation: an id is compared byte for byte), 1 to 64 characters of
 * an ASCII set; anything else, a control character or a space included, is a
 * {@link TextViolation.Kind#CHARACTER_NOT_ALLOWED}.
 *
 * <p>{@code null} is never a violation: whether a field must be present is the caller's business.
 * An empty string is allowed for free text and refused for ids.
 */
public final class TextRule {

    /** How a field's text is shaped. */
    enum Shape {
        /** Free text over several lines: line feed and tab allowed. */
        MULTI_LINE,
        /** Free text on one line. */
        ONE_LINE,
        /** An identifier from an ASCII set. */
        IDENTIFIER
    }

    private static final Pattern MARKUP = Pattern.compile("<[A-Za-z/!?]|javascript\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINE_BREAKS = Pattern.compile("\r\n|[\r\u2028\u2029]");

    private final String field;
    private final Shape shape;
    private final int maxLength;
    private final IntPredicate first;
    private final IntPredicate rest;
    private final TextViolation.AllowedCharacters allowed;

    private TextRule(String field, Shape shape, int maxLength, IntPredicate first, IntPredicate rest,
                     TextViolation.AllowedCharacters allowed) {
        this.field = Objects.requireNonNull(field, "field");
        this.shape = shape;
        this.maxLength = maxLength;
        this.first = first;
        this.rest = rest;
        this.allowed = allowed;
    }

    static TextRule freeText(String field, Shape shape, int maxLength) {
        return new TextRule(field, shape, maxLength, null, null, null);
    }

    static TextRule identifier(String field, int maxLength, IntPredicate first, IntPredicate rest,
                               TextViolation.AllowedCharacters allowed) {
        return new TextRule(field, Shape.IDENTIFIER, maxLength, first, rest, allowed);
    }

    /** The same rule for a field of another name, e.g. {@code description().named("text")}. */
    public TextRule named(String fieldName) {
        return new TextRule(fieldName, shape, maxLength, first, rest, allowed);
    }

    /** The field name violations are reported under. */
    public String field() {
        return field;
    }

    /** The most code points a value may have, after normalisation. */
    public int maxLength() {
        return maxLength;
    }

    /** Whether line feeds and tabs are allowed. */
    public boolean multiLine() {
        return shape == Shape.MULTI_LINE;
    }

    /**
     * The value as it is stored: line breaks unified and NFC for free text, unchanged for ids.
     * {@code null} stays {@code null}. Normalising never makes a valid value invalid.
     */
    public String normalise(String value) {
        if (value == null || shape == Shape.IDENTIFIER) {
            return value;
        }
        String unified = LINE_BREAKS.matcher(value).replaceAll("\n");
        return Normalizer.normalize(unified, Normalizer.Form.NFC);
    }

    /**
     * Everything wrong with {@code value} (after {@link #normalise}), the first occurrence of each
     * kind, in the order of {@link TextViolation.Kind}; empty when the value is fine or {@code null}.
     */
    public List<TextViolation> check(String value) {
        if (value == null) {
            return List.of();
        }
        String text = normalise(value);
        Map<TextViolation.Kind, TextViolation> found = new EnumMap<>(TextViolation.Kind.class);
        int length = text.codePointCount(0, text.length());
        if (length == 0 && shape == Shape.IDENTIFIER) {
            found.put(TextViolation.Kind.EMPTY, whole(TextViolation.Kind.EMPTY, 0));
        }
        if (length > maxLength) {
            found.put(TextViolation.Kind.TOO_LONG, whole(TextViolation.Kind.TOO_LONG, length));
        }
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            position++;
            TextViolation.Kind kind = classify(cp, position);
            if (kind != null) {
                found.putIfAbsent(kind, at(kind, position, cp));
            }
        }
        if (shape != Shape.IDENTIFIER) {
            Matcher markup = MARKUP.matcher(text);
            if (markup.find()) {
                int at = text.codePointCount(0, markup.start()) + 1;
                found.putIfAbsent(TextViolation.Kind.MARKUP, at(TextViolation.Kind.MARKUP, at, text.codePointAt(markup.start())));
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * The value to store: {@link #normalise normalised}, after {@link #check} found nothing.
     *
     * @throws TextRejectedException with every violation, when there are any
     */
    public String accept(String value) {
        List<TextViolation> violations = check(value);
        if (!violations.isEmpty()) {
            throw new TextRejectedException(violations);
        }
        return normalise(value);
    }

    private TextViolation.Kind classify(int cp, int position) {
        if (shape == Shape.IDENTIFIER) {
            return (position == 1 ? first : rest).test(cp) ? null : TextViolation.Kind.CHARACTER_NOT_ALLOWED;
        }
        if (isControl(cp) && !(shape == Shape.MULTI_LINE && (cp == '\n' || cp == '\t'))) {
            return TextViolation.Kind.CONTROL_CHARACTER;
        }
        if (isDisguisingFormat(cp)) {
            return TextViolation.Kind.FORMAT_CHARACTER;
        }
        if (cp <= 0xFFFF && Character.isSurrogate((char) cp) || isNoncharacter(cp)) {
            return TextViolation.Kind.INVALID_CHARACTER;
        }
        return null;
    }

    private static boolean isControl(int cp) {
        return cp < 0x20 || cp >= 0x7F && cp <= 0x9F;
    }

    private static boolean isDisguisingFormat(int cp) {
        return cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x206F || cp == 0xFEFF
                || cp >= 0xFFF9 && cp <= 0xFFFB;
    }

    private static boolean isNoncharacter(int cp) {
        return cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
    }

    private TextViolation whole(TextViolation.Kind kind, int length) {
        return new TextViolation(field, kind, 0, -1, kind == TextViolation.Kind.TOO_LONG ? maxLength : 0,
                kind == TextViolation.Kind.TOO_LONG ? length : 0, null);
    }

    private TextViolation at(TextViolation.Kind kind, int position, int cp) {
        return new TextViolation(field, kind, position, cp, 0, 0,
                kind == TextViolation.Kind.CHARACTER_NOT_ALLOWED ? allowed : null);
    }

    @Override
    public String toString() {
        return "TextRule[" + field + ", " + shape + ", at most " + maxLength + "]";
    }
}
