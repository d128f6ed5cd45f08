package org.citygrid.api.i18n;

import java.util.Locale;
import org.citygrid.model.category.LocalizedText;

/**
 * The languages the API writes for people: Chinese first, English beside it. Which one a request
 * gets is its {@code Accept-Language} ({@link #preferred}); anything else, or nothing, is Chinese, the
 * working language of the city. One language rule for the whole API.
 */
public enum Language {

    ZH("zh-CN"),
    EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag written in {@code Content-Language} and stored with a device: {@code zh-CN} or {@code en}. */
    public String tag() {
        return tag;
    }

    /**
     * The language an {@code Accept-Language} header asks for: the supported one with the highest
     * weight ({@code zh}, {@code zh-CN}, {@code zh-Hans}... are Chinese; {@code en}, {@code en-GB}...
     * English), ties going to the one named first; Chinese when the header is absent, unreadable or
     * names neither. A single tag such as {@code en} (what a device stores) reads the same way.
     */
    public static Language preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ZH;
        }
        Language best = null;
        double bestWeight = 0;
        for (String part : acceptLanguage.split(",")) {
            String[] pieces = part.trim().split(";");
            Language language = named(pieces[0].trim());
            double weight = weight(pieces);
            if (language != null && weight > bestWeight) {
                best = language;
                bestWeight = weight;
            }
        }
        return best == null ? ZH : best;
    }

    private static Language named(String range) {
        String tag = range.toLowerCase(Locale.ROOT);
        if (tag.equals("zh") || tag.startsWith("zh-")) {
            return ZH;
        }
        if (tag.equals("en") || tag.startsWith("en-")) {
            return EN;
        }
        return null;
    }

    private static double weight(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String p = pieces[i].trim();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** {@code zh} or {@code en} as this language asks. */
    public String pick(String zh, String en) {
        return this == ZH ? zh : en;
    }

    /** The text in this language. */
    public String pick(LocalizedText text) {
        return pick(text.zh(), text.en());
    }
}
