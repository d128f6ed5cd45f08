package org.citygrid.model.casenumber;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citygrid.model.grid.GridCode;

/**
 * 案卷号: the number people read and say for a filed case, unique per district and year, e.g.
 * {@code 2026-110101-0000123}: the year the case was filed (in Asia/Shanghai), the 6-digit county
 * code of GB/T 2260 of its district, and a serial within that district and year.
 *
 * <p>The serial has {@value #SERIAL_DIGITS} digits so that a numbering with gaps
 * ({@link StridedNumbering}) still fits a busy district's year; serials need not be dense nor in
 * filing order (see docs/case-numbers.md). The case id ({@code 110101001001023-260302-5f0c9a1e})
 * stays the key everywhere; the number is what a caller reads out on the phone.
 *
 * @param year   the filing year, 2000..9999
 * @param county the 6-digit county code
 * @param serial 1..{@value #MAX_SERIAL}
 */
public record CaseNumber(int year, String county, long serial) implements Comparable<CaseNumber> {

    /** Digits of the serial as written. */
    public static final int SERIAL_DIGITS = 7;
    /** The largest serial. */
    public static final long MAX_SERIAL = 9_999_999L;

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-(\\d{6})-(\\d{" + SERIAL_DIGITS + "})");

    public CaseNumber {
        if (year < 2000 || year > 9999) {
            throw new IllegalArgumentException("a case number's year is 2000..9999, not " + year);
        }
        GridCode.requireCountyCode(county);
        if (serial < 1 || serial > MAX_SERIAL) {
            throw new IllegalArgumentException("a case number's serial is 1.." + MAX_SERIAL + ", not " + serial);
        }
    }

    /**
     * Parses {@code 2026-110101-0000123}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static CaseNumber parse(String text) {
        Objects.requireNonNull(text, "case number");
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("a case number (案卷号) is year-county-serial like 2026-110101-0000123, not '" + text + "'");
        }
        return new CaseNumber(Integer.parseInt(m.group(1)), m.group(2), Long.parseLong(m.group(3)));
    }

    /** Whether {@code text} is a case number {@link #parse} accepts: a search box tells it from a case id by this. */
    public static boolean isCaseNumber(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** The text form, also its JSON form. */
    public String value() {
        return year + "-" + county + "-" + String.format("%0" + SERIAL_DIGITS + "d", serial);
    }

    @Override
    public String toString() {
        return value();
    }

    /** By district, then year, then serial. */
    @Override
    public int compareTo(CaseNumber o) {
        int c = county.compareTo(o.county);
        if (c == 0) {
            c = Integer.compare(year, o.year);
        }
        return c != 0 ? c : Long.compare(serial, o.serial);
    }
}
