package org.citygrid.model.category;

/**
 * Whether a department exists once for the whole city or once per area.
 *
 * <p>A territorial department is not one office but one per street or per community, so dispatch
 * must resolve it against the case's position (the grid's street or community) before a task can be
 * assigned. Functional departments (water, power, traffic police…) are city-wide.
 */
public enum TerritorialLevel {
    /** One department for the whole city. */
    NONE,
    /** One per street (街道), e.g. the street office. */
    STREET,
    /** One per community (社区), e.g. the residents' committee. */
    COMMUNITY;

    public boolean isTerritorial() {
        return this != NONE;
    }
}
