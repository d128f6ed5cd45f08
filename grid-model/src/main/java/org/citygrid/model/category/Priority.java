package org.citygrid.model.category;

/** How urgently a category's cases are treated in the operators' queues, most urgent first. */
public enum Priority {
    /** Danger to life or to a network (gas, water, roads): handled at once, day or night. */
    URGENT,
    /** A safety risk that must not wait for the normal queue, e.g. a missing manhole cover. */
    HIGH,
    NORMAL,
    /** Appearance or convenience problems. */
    LOW
}
