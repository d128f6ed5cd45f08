package org.citygrid.model.grid;

import java.util.Objects;

/**
 * A community (社区), the level below the street; unit grids partition it.
 *
 * @param code the 12-digit code: street code and 3-digit community
 * @param name the community's name
 */
public record Community(String code, AreaName name) {

    public Community {
        GridCode.requireCommunityCode(code);
        Objects.requireNonNull(name, "name");
    }

    /** The 9-digit code of the street the community belongs to, as its code says. */
    public String streetCode() {
        return code.substring(0, 9);
    }
}
