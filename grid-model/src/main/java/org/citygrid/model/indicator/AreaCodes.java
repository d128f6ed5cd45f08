package org.citygrid.model.indicator;

/**
 * Derives the code of each enclosing area from a unit grid code by prefix. Kept small and private
 * to the package: the grid package's own code type is meant to take this over.
 */
final class AreaCodes {

    private AreaCodes() {
    }

    /**
     * The code of the area at {@code level} that contains the grid.
     *
     * @throws IllegalArgumentException if {@code gridCode} is not 14 (national) or 15 (Beijing)
     *                                  digits: counting it under a wrong prefix would be worse than
     *                                  not counting it
     */
    static String of(String gridCode, AreaLevel level) {
        if (!isGridCode(gridCode)) {
            throw new IllegalArgumentException("a unit grid code has 14 or 15 digits, not '" + gridCode + "'");
        }
        return switch (level) {
            case COUNTY -> gridCode.substring(0, 6);
            case STREET -> gridCode.substring(0, 9);
            case COMMUNITY -> gridCode.substring(0, 12);
            case GRID -> gridCode;
        };
    }

    private static boolean isGridCode(String code) {
        return code != null && (code.length() == 14 || code.length() == 15)
                && code.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }
}
