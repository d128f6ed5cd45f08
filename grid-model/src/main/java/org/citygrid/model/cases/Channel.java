package org.citygrid.model.cases;

/** The way a problem reached CityGrid (信息收集渠道). */
public enum Channel {
    /** A grid worker's patrol report from the mobile app or a field device. */
    PATROL,
    /** A resident's report from the mobile app. */
    RESIDENT,
    /** An alarm raised by a sensor through an edge node. */
    SENSOR,
    /** A request through the Open311 GeoReport v2 API. */
    OPEN311,
    /** A call to the city hotline (12345), entered by an operator. */
    HOTLINE;

    /**
     * Whether a report through this channel waits for a grid worker to verify it on site (核实)
     * before the supervision centre files it: a patroller reported from the place itself and a
     * sensor measured it, but residents, Open311 clients and callers say what they saw.
     */
    public boolean isVerifiedOnSite() {
        return this == RESIDENT || this == OPEN311 || this == HOTLINE;
    }
}
