package org.citygrid.model.worktime;

import java.util.List;

/**
 * Holiday data that cannot be used: unreadable, malformed, or inconsistent. The message names the
 * source and lists every problem found, not only the first, so that one correction round is
 * enough.
 */
public final class HolidayDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String origin;
    private final transient List<String> problems;

    HolidayDataException(String origin, List<String> problems) {
        this(origin, problems, null);
    }

    HolidayDataException(String origin, List<String> problems, Throwable cause) {
        super("invalid holiday data in " + origin + ":\n  - " + String.join("\n  - ", problems), cause);
        this.origin = origin;
        this.problems = List.copyOf(problems);
    }

    /** Where the data came from: a file name, a resource name, or a year. */
    public String origin() {
        return origin;
    }

    /** Each problem found, in the order of the data. */
    public List<String> problems() {
        return problems;
    }
}
