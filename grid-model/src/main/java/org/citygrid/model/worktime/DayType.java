package org.citygrid.model.worktime;

/** How a {@link WorkingCalendar} treats a calendar date. */
public enum DayType {

    /** An ordinary Monday to Friday. */
    WORKDAY(true),

    /** A Saturday or Sunday that no holiday data turns into a working day. */
    WEEKEND(false),

    /** A public holiday, or a day moved into a holiday break (放假调休). */
    HOLIDAY(false),

    /** A Saturday or Sunday worked to make up for a holiday break (调休上班). */
    MAKE_UP_WORKDAY(true);

    private final boolean working;

    DayType(boolean working) {
        this.working = working;
    }

    /** Whether the working periods apply on such a day. */
    public boolean isWorking() {
        return working;
    }
}
