package org.citygrid.model.indicator;

import org.citygrid.model.grid.GridCode;

/** Derives the code of each enclosing area from a unit grid code. */
final class AreaCodes {

    private AreaCodes() {
    }

    /**
     * The code of the area at {@code level} that contains the grid.
     *
     * @throws IllegalArgumentException if {@code gridCode} is not a unit grid code: counting it under a
     *                                  wrong prefix would be worse than not counting it
     */
    static String of(String gridCode, AreaLevel level) {
        GridCode code = GridCode.parse(gridCode);
        return switch (level) {
            case COUNTY -> code.county();
            case STREET -> code.streetCode();
            case COMMUNITY -> code.communityCode();
            case GRID -> code.value();
        };
    }
}
