package org.citygrid.model.grid;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.citygrid.model.text.Parses;

/**
 * The code of a unit grid (单元网格): the 6-digit county code of GB/T 2260, a 3-digit street code,
 * a 3-digit community code and a grid serial within the community.
 *
 * <p>The standard form has a 3-digit serial, 15 digits in all: every public source found gives it
 * (Beijing's DB11 grid rules, collection guides quoting CJ/T 213 / GB/T 30428). A 2-digit serial
 * (14 digits) is still read as a <em>legacy local form</em>, which some cities' earlier grids used
 * ({@link #isLegacyForm()}); new grids take 15 digits. The width of the serial is part of the value,
 * so {@code 11010100100101} and {@code 110101001001001} are different codes even though both denote
 * serial 1.
 *
 * <p>Codes order by their text, which for codes of one width is the order of county, street,
 * community and serial; this order is used wherever a deterministic choice between grids is needed.
 *
 * @param county    the 6-digit county (district) code
 * @param street    the 3-digit street code within the county, never {@code 000}
 * @param community the 3-digit community code within the street, never {@code 000}
 * @param serial    the 2- or 3-digit grid serial within the community, never all zeros
 */
public record GridCode(String county, String street, String community, String serial)
        implements Comparable<GridCode> {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /** Province-level prefixes of GB/T 2260; a county code outside them names no place in China. */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
            "65", "71", "81", "82");

    public GridCode {
        requireCountyCode(county);
        requireDigits("street", street, 3);
        requireDigits("community", community, 3);
        Objects.requireNonNull(serial, "serial");
        if (serial.length() != 2 && serial.length() != 3) {
            throw new IllegalArgumentException("grid serial must have 2 or 3 digits: '" + serial + "'");
        }
        requireDigits("serial", serial, serial.length());
    }

    /**
     * Parses a 15-digit grid code, or a 14-digit one of the legacy local form.
     *
     * @throws IllegalArgumentException naming what is wrong when {@code text} is not a grid code
     */
    public static GridCode parse(String text) {
        Objects.requireNonNull(text, "grid code");
        if (text.length() != 14 && text.length() != 15) {
            throw new IllegalArgumentException(
                    "grid code must have 14 or 15 digits, not " + text.length() + ": '" + text + "'");
        }
        if (!DIGITS.matcher(text).matches()) {
            throw new IllegalArgumentException("grid code must contain digits only: '" + text + "'");
        }
        return new GridCode(text.substring(0, 6), text.substring(6, 9), text.substring(9, 12), text.substring(12));
    }

    /**
     * The code of grid {@code serial} in a community.
     *
     * @param communityCode the 12-digit community code
     * @param serial        the serial, from 1
     * @param serialDigits  3 (the standard form) or 2 (the legacy local form)
     */
    public static GridCode of(String communityCode, int serial, int serialDigits) {
        requireCommunityCode(communityCode);
        if (serialDigits != 2 && serialDigits != 3) {
            throw new IllegalArgumentException("serial width must be 2 or 3, not " + serialDigits);
        }
        int max = serialDigits == 2 ? 99 : 999;
        if (serial < 1 || serial > max) {
            throw new IllegalArgumentException("serial must be in 1.." + max + ", not " + serial);
        }
        return parse(communityCode + String.format("%0" + serialDigits + "d", serial));
    }

    /** Whether {@code text} is a grid code that {@link #parse} accepts. */
    public static boolean isValid(String text) {
        return Parses.accepts(GridCode::parse, text);
    }

    /** The 9-digit street code: county and street. */
    public String streetCode() {
        return county + street;
    }

    /** The 12-digit community code: county, street and community. */
    public String communityCode() {
        return county + street + community;
    }

    /** The serial as a number. */
    public int serialNumber() {
        return Integer.parseInt(serial);
    }

    /** Whether the code has the standard's 3-digit serial (15 digits in all). */
    public boolean isStandardForm() {
        return serial.length() == 3;
    }

    /** Whether the code has a 2-digit serial (14 digits): a legacy local form, read but not the standard's. */
    public boolean isLegacyForm() {
        return serial.length() == 2;
    }

    /** The code as written: 15 digits, or 14 in the legacy local form; also its JSON form. */
    public String value() {
        return county + street + community + serial;
    }

    @Override
    public String toString() {
        return value();
    }

    @Override
    public int compareTo(GridCode other) {
        // field by field is the order of the text, because county, street and community have fixed
        // widths; it spares the two strings value() would build on every tie-break and sort step
        int c = county.compareTo(other.county);
        if (c == 0) {
            c = street.compareTo(other.street);
        }
        if (c == 0) {
            c = community.compareTo(other.community);
        }
        return c != 0 ? c : serial.compareTo(other.serial);
    }

    /**
     * Checks a 6-digit GB/T 2260 county code: a known province prefix and a non-zero county part
     * (codes ending in {@code 00} name a province or a prefecture, not a county).
     */
    public static String requireCountyCode(String code) {
        requireDigits("county", code, 6);
        if (!PROVINCES.contains(code.substring(0, 2))) {
            throw new IllegalArgumentException("county code '" + code + "' has no GB/T 2260 province prefix");
        }
        if (code.endsWith("00")) {
            throw new IllegalArgumentException("county code '" + code + "' names a province or prefecture, not a county");
        }
        return code;
    }

    /** Checks a 9-digit street code: a county code and a non-zero 3-digit street. */
    public static String requireStreetCode(String code) {
        requireDigits("street code", code, 9);
        requireCountyCode(code.substring(0, 6));
        requireDigits("street", code.substring(6), 3);
        return code;
    }

    /** Checks a 12-digit community code: a street code and a non-zero 3-digit community. */
    public static String requireCommunityCode(String code) {
        requireDigits("community code", code, 12);
        requireStreetCode(code.substring(0, 9));
        requireDigits("community", code.substring(9), 3);
        return code;
    }

    private static void requireDigits(String what, String text, int length) {
        Objects.requireNonNull(text, what);
        if (text.length() != length || !DIGITS.matcher(text).matches()) {
            throw new IllegalArgumentException(what + " must be " + length + " digits: '" + text + "'");
        }
        if (text.chars().allMatch(c -> c == '0')) {
            throw new IllegalArgumentException(what + " must not be all zeros: '" + text + "'");
        }
    }
}
