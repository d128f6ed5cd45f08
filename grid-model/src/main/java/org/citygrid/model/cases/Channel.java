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
    HOTLINE
}
