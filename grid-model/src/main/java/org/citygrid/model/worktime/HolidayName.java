package org.citygrid.model.worktime;

/**
 * The name of a public holiday, in Chinese as the State Council notice writes it and in English.
 *
 * @param zh the Chinese name, e.g. {@code 春节}
 * @param en the English name, e.g. {@code Spring Festival}
 */
public record HolidayName(String zh, String en) {

    /**
     * @throws IllegalArgumentException if either name is null or blank
     */
    public HolidayName {
        if (zh == null || zh.isBlank() || en == null || en.isBlank()) {
            throw new IllegalArgumentException("a holiday needs both a Chinese and an English name, got zh="
                    + zh + ", en=" + en);
        }
    }

    @Override
    public String toString() {
        return zh + " (" + en + ")";
    }
}
