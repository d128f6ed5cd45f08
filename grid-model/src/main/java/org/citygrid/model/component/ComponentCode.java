package org.citygrid.model.component;

import java.util.Objects;
import org.citygrid.model.grid.GridCode;
import org.citygrid.model.text.Parses;

/**
 * 部件标识码: the code of one component in the public space, 16 digits:
 *
 * <pre>
 *   110101   01     18     000042
 *   county   major  minor  serial
 * </pre>
 *
 * the 6-digit county code of GB/T 2260, the component's major and minor class (the 4 digits of its
 * category code, {@code C0118} 路灯 → {@code 0118}) and a 6-digit serial within that county and
 * class, as CJ/T 214-2007 and GB/T 30428.2 lay it out (sources in docs/components.md). The same
 * class digits mean different things for events, so a component code always denotes a component.
 *
 * @param county the 6-digit county code
 * @param major  the component major class, 1..99
 * @param minor  the minor class, 1..99
 * @param serial 1..999999
 */
public record ComponentCode(String county, int major, int minor, int serial) implements Comparable<ComponentCode> {

    /** The number of digits of a component code. */
    public static final int LENGTH = 16;
    /** The largest serial within a county and class. */
    public static final int MAX_SERIAL = 999_999;

    public ComponentCode {
        GridCode.requireCountyCode(county);
        if (major < 1 || major > 99 || minor < 1 || minor > 99) {
            throw new IllegalArgumentException("a component class is 01..99 / 01..99, not " + major + "/" + minor);
        }
        if (serial < 1 || serial > MAX_SERIAL) {
            throw new IllegalArgumentException("a component serial is 000001..999999, not " + serial);
        }
    }

    /**
     * Parses the 16 digits.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static ComponentCode parse(String text) {
        Objects.requireNonNull(text, "component code");
        if (text.length() != LENGTH || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a component code (部件标识码) is " + LENGTH
                    + " digits: county(6) class(4) serial(6), not '" + text + "'");
        }
        return new ComponentCode(text.substring(0, 6), Integer.parseInt(text.substring(6, 8)),
                Integer.parseInt(text.substring(8, 10)), Integer.parseInt(text.substring(10)));
    }

    /** Whether {@link #parse} accepts {@code text}. */
    public static boolean isValid(String text) {
        return Parses.accepts(ComponentCode::parse, text);
    }

    /** The category code of the component's class, e.g. {@code C0118}. */
    public String categoryCode() {
        return "C" + classDigits();
    }

    /** The four class digits, e.g. {@code 0118}. */
    public String classDigits() {
        return String.format("%02d%02d", major, minor);
    }

    /** The 16 digits; also the JSON form. */
    public String value() {
        return county + classDigits() + String.format("%06d", serial);
    }

    @Override
    public String toString() {
        return value();
    }

    @Override
    public int compareTo(ComponentCode o) {
        return value().compareTo(o.value());
    }
}
