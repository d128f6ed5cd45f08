package org.citygrid.model.category;

/**
 * An intake channel whose reports a category lets the supervision centre file without review.
 *
 * <p>Only channels that are themselves trusted can skip review: a sensor alarm (which the edge node
 * has already debounced) or a patroller, whose job is to verify problems on site. Resident, hotline
 * and Open311 reports always queue for an operator, so they are deliberately not values here.
 */
public enum AutoFilingChannel {
    /** An alarm raised by a sensor of one of the category's {@link SensorType}s. */
    SENSOR,
    /** A report from a grid worker or city-management supervisor on patrol. */
    PATROL
}
