package org.citygrid.model.text;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A value refused by {@link TextRule#accept}: every violation, and a message (Chinese, then English)
 * that says what to fix.
 */
public class TextRejectedException extends IllegalArgumentException {

    private final transient List<TextViolation> violations;

    public TextRejectedException(List<TextViolation> violations) {
        super(violations.stream().map(TextViolation::message).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<TextViolation> violations() {
        return violations;
    }
}
