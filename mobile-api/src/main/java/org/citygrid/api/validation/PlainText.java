package org.citygrid.api.validation;

import java.util.regex.Pattern;
import org.citygrid.api.errors.Invalid;

/**
 * Free-text fields are plain text. Markup is refused rather than escaped later: a description
 * travels to the operators' map, to push notifications and to Open311 clients, and not every one of
 * them can be trusted to escape it. Quotes, semicolons and SQL words are ordinary text here (every
 * statement is parameterised), so "don't" and "5;6" stay writable.
 */
public final class PlainText {

    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z/!?]|javascript\\s*:|\\bon[a-z]+\\s*=",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

    private PlainText() {
    }

    /** {@code value}, or a 422 problem naming {@code field}. Null passes: optionality is checked elsewhere. */
    public static String check(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw Invalid.field(field, "at most " + maxLength + " characters");
        }
        if (MARKUP.matcher(value).find()) {
            throw Invalid.field(field, "plain text only: markup and script are not accepted");
        }
        if (CONTROL.matcher(value).find()) {
            throw Invalid.field(field, "control characters are not accepted");
        }
        return value;
    }
}
