package org.citygrid.model.worktime;

import java.time.Duration;
import java.time.Instant;

/**
 * Measures time the way a service-level agreement counts it.
 *
 * <p>Most case steps are limited in working hours (a 4-hour limit reported on Friday at 16:00 runs
 * out on Monday morning); emergencies run round the clock. Both are answered by the same two
 * questions, so the case state machine depends on this interface, never on a concrete calendar.
 */
public interface SlaClock {

    /**
     * The instant at which {@code budget} of counted time, starting at {@code start}, is used up.
     *
     * @param start  when the clock starts; may fall outside counted time, in which case counting
     *               begins at the next counted instant
     * @param budget the time allowed; zero or positive
     * @return the deadline, never before {@code start}
     */
    Instant deadline(Instant start, Duration budget);

    /**
     * The counted time between two instants.
     *
     * @return the counted time in {@code [from, to)}; zero when {@code to} is not after {@code from}
     */
    Duration elapsed(Instant from, Instant to);
}
