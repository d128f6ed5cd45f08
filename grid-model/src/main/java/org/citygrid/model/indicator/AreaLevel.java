package org.citygrid.model.indicator;

/**
 * The levels of the area hierarchy an indicator is reported at, from the county (区县) down to the
 * unit grid (单元网格). A unit grid code nests every level above it as a prefix: 6 digits of county
 * (GB/T 2260), 3 of street, 3 of community, then the grid serial (3 digits in the standard form, 2 in
 * the legacy local form).
 */
public enum AreaLevel {
    /** 区县: the first 6 digits of the grid code. */
    COUNTY("区县"),
    /** 街道: the first 9 digits. */
    STREET("街道"),
    /** 社区: the first 12 digits. */
    COMMUNITY("社区"),
    /** 单元网格: the whole grid code. */
    GRID("网格");

    private final String nameZh;

    AreaLevel(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
