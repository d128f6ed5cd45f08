/**
 * Time as service-level agreements count it.
 *
 * <p>{@link org.citygrid.model.worktime.SlaClock} is what the case state machine depends on. It has
 * two implementations: {@link org.citygrid.model.worktime.WorkingCalendar}, working periods on
 * working days with Chinese public holidays and make-up working days, for ordinary categories; and
 * {@link org.citygrid.model.worktime.RoundTheClock} for emergencies.
 *
 * <p>Holidays change every year by State Council notice, so they are data, not code: one JSON file
 * per year, in the format documented on {@link org.citygrid.model.worktime.HolidayDataFiles}. The
 * years shipped are on the class path as {@code worktime/cn-YYYY.json}; an operator adds later
 * years from a file or directory. A calendar reports the years it covers and, for any other year,
 * counts weekends as the only days off.
 */
package org.citygrid.model.worktime;
