package org.citygrid.api.validation;

import java.util.List;
import org.citygrid.api.errors.DomainError;
import org.citygrid.api.errors.Invalid;
import org.citygrid.model.text.TextRule;
import org.citygrid.model.text.TextViolation;

/**
 * Free text from a client through grid-model's {@link org.citygrid.model.text.TextRules}, the one rule
 * set every entry uses (edge node, API, Open311): the value to store, normalised (line breaks as LF,
 * NFC), or a 422 that names the field and says what to fix, in Chinese and English, one entry per
 * violation. Which rule a field follows is the caller's choice ({@code TextRules.description()},
 * {@code note()}, {@code label()}), named after the caller's field.
 */
public final class Texts {

    private Texts() {
    }

    /** {@code value} as it is to be stored, or {@link Invalid} naming the rule's field. Null stays null. */
    public static String accept(TextRule rule, String value) {
        List<TextViolation> violations = rule.check(value);
        if (!violations.isEmpty()) {
            throw Invalid.fields(violations.stream()
                    .map(v -> new DomainError.FieldError(v.field(), v.message())).toList());
        }
        return rule.normalise(value);
    }
}
