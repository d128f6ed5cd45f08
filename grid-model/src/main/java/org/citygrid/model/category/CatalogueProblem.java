package org.citygrid.model.category;

import java.util.Objects;

/**
 * One thing wrong with a catalogue file.
 *
 * @param where   the offending entry, e.g. {@code categories[12] (E0401 路面塌陷)}, or the file position
 *                for a syntax error
 * @param message what is wrong with it, in terms an operator editing the file can act on
 */
public record CatalogueProblem(String where, String message) {

    public CatalogueProblem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
