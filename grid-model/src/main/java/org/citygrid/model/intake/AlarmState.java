package org.citygrid.model.intake;

/** The two edges of a sensor alarm episode: each episode is raised once and cleared once. */
public enum AlarmState {
    RAISED,
    CLEARED
}
