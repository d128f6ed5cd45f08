package org.citygrid.model.category;

/**
 * Which clock a category's {@link TimeLimits} run on.
 *
 * <p>The choice belongs to the category, not to the case: a road collapse at 02:00 on a public
 * holiday must be handled within hours, while a broken bench reported on Friday evening waits for
 * Monday without being late.
 */
public enum SlaClockKind {
    /** Working hours on the working-day calendar, which knows Chinese public holidays and make-up days. */
    WORKING,
    /** Every hour counts: emergencies such as road collapse, water logging, gas leaks and fire. */
    ROUND_THE_CLOCK
}
