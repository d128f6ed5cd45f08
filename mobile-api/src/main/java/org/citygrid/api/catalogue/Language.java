package org.citygrid.api.catalogue;

import java.util.List;
import java.util.Locale;

/**
 * The language a reference answer is written in: Chinese unless the client prefers English. The
 * centres work in Chinese; English is the second language of every page.
 */
public enum Language {
    ZH("zh-CN"),
    EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag of the answer (its Content-Language). */
    public String tag() {
        return tag;
    }

    /**
     * The first of Chinese and English in the client's preference order (an {@code Accept-Language}
     * header); Chinese when the header is absent, malformed, or names neither.
     */
    public static Language preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ZH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return ZH;
        }
        for (Locale.LanguageRange r : ranges) {
            String range = r.getRange().toLowerCase(Locale.ROOT);
            if (r.getWeight() > 0 && (range.equals("zh") || range.startsWith("zh-"))) {
                return ZH;
            }
            if (r.getWeight() > 0 && (range.equals("en") || range.startsWith("en-"))) {
                return EN;
            }
        }
        return ZH;
    }

    /** {@code zh} or {@code en} as this language asks. */
    public String pick(String zh, String en) {
        return this == ZH ? zh : en;
    }
}
