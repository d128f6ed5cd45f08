package org.citygrid.model.grid;

import java.util.Objects;

/**
 * A district (区) or county, the top of the grid hierarchy.
 *
 * @param code the 6-digit GB/T 2260 county code
 * @param name the district's name
 */
public record District(String code, AreaName name) {

    public District {
        GridCode.requireCountyCode(code);
        Objects.requireNonNull(name, "name");
    }
}
