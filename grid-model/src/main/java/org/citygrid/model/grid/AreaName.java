package org.citygrid.model.grid;

import java.util.Objects;
import java.util.Optional;

/**
 * The name of an area: Chinese always, English where one is known.
 *
 * @param zh the Chinese name, not blank
 * @param en the English name, or {@code null} when there is none
 */
public record AreaName(String zh, String en) {

    public AreaName {
        Objects.requireNonNull(zh, "zh");
        if (zh.isBlank()) {
            throw new IllegalArgumentException("Chinese name must not be blank");
        }
        if (en != null && en.isBlank()) {
            en = null;
        }
    }

    /** A name known only in Chinese. */
    public static AreaName zh(String zh) {
        return new AreaName(zh, null);
    }

    /** The English name, if known. */
    public Optional<String> english() {
        return Optional.ofNullable(en);
    }

    @Override
    public String toString() {
        return en == null ? zh : zh + " (" + en + ")";
    }
}
