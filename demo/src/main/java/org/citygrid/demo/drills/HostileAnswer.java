package org.citygrid.demo.drills;

/**
 * What an entry did with one hostile input. An HTTP or CoAP entry answers at once; a record produced straight onto a
 * topic is answered later, by a dead letter on grid.dead-letters (or by nothing).
 *
 * @param status      {@code 400}, {@code 4.00}, ...; for a produced record its coordinates
 *                    {@code <topic>/<partition>/<offset>}; {@code none} when nothing answered
 * @param reason      the refusal's diagnostic, or the dead letter's reason; blank when there was none
 * @param produced    true for a record produced onto a topic: its verdict waits for the dead letter
 * @param key         a produced record's key (a refusal of a record too broken to have an id names it), else null
 */
record HostileAnswer(String status, String reason, boolean produced, String key) {
    /**
     * A status's standard phrase says nothing of what to fix: e.g. {@code 403 Forbidden} for a body of the wrong
     * content type.
     */
    private static final java.util.Set<String> GENERIC = java.util.Set.of("bad request", "forbidden", "not found",
            "unsupported media type", "payload too large", "request entity too large", "unprocessable entity",
            "method not allowed", "unauthorized", "bad option", "not acceptable");

    static HostileAnswer http(int status, String reason) {
        return new HostileAnswer(Integer.toString(status), clean(reason), false, null);
    }

    static HostileAnswer coap(String code, String reason) {
        return new HostileAnswer(code, clean(reason), false, null);
    }

    static HostileAnswer noAnswer(String why) {
        return new HostileAnswer("none", clean(why), false, null);
    }

    static HostileAnswer produced(String coordinates, String key) {
        return new HostileAnswer(coordinates, "", true, key);
    }

    /**
     * A clear refusal: a 4xx (HTTP) or 4.xx (CoAP) with a diagnostic that says what is wrong. A 429 / 4.29 is not
     * one: the input was never judged, only counted. Nor is a status's bare phrase ({@link #GENERIC}).
     */
    boolean clearRefusal() {
        return !produced && (status.matches("4\\d\\d") || status.matches("4\\.\\d\\d"))
                && !status.equals("429") && !status.equals("4.29") && !reason.isBlank()
                && !GENERIC.contains(reason.toLowerCase(java.util.Locale.ROOT));
    }

    /** Taken as if it were good: a 2xx or 2.xx. */
    boolean accepted() {
        return !produced && (status.matches("2\\d\\d") || status.matches("2\\.\\d\\d"));
    }

    /** One line, without control characters (a refusal may quote what it refused). */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        text.codePoints().forEach(c -> s.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return s.toString().strip();
    }
}
