package org.citygrid.model.grid;

import java.util.Objects;

/**
 * A street (街道) or township, the level below the district.
 *
 * @param code the 9-digit code: county code and 3-digit street
 * @param name the street's name
 */
public record Street(String code, AreaName name) {

    public Street {
        GridCode.requireStreetCode(code);
        Objects.requireNonNull(name, "name");
    }

    /** The 6-digit code of the district the street belongs to. */
    public String districtCode() {
        return code.substring(0, 6);
    }
}
