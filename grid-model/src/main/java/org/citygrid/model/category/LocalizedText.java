package org.citygrid.model.category;

import java.util.Objects;

/**
 * A text in Chinese and English. Chinese is the working language of the centres; English is for
 * the Open311 interface and for readers outside China. Both are required.
 *
 * @param zh the Chinese text, not blank
 * @param en the English text, not blank
 */
public record LocalizedText(String zh, String en) {

    public LocalizedText {
        requireText(zh, "zh");
        requireText(en, "en");
    }

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    private static void requireText(String text, String what) {
        Objects.requireNonNull(text, what);
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " text must not be blank");
        }
    }
}
