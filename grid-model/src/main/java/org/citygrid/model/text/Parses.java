package org.citygrid.model.text;

import java.util.function.Function;

/**
 * Whether a text is accepted by a parser that refuses with {@link IllegalArgumentException} (or a
 * {@link NullPointerException} for no text at all), as the code types' {@code parse} methods do:
 * their {@code isValid} is this one rule, not a copy each.
 */
public final class Parses {

    private Parses() {
    }

    /** Whether {@code parser} reads {@code text} without refusing it. */
    public static boolean accepts(Function<String, ?> parser, String text) {
        try {
            parser.apply(text);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
