package org.citygrid.edge.senml;

import java.time.Instant;

/**
 * A resolved numeric SenML record: base name, time, unit and value applied. Boolean values read as
 * 1 (true) and 0 (false), so a smoke detector's {@code vb} and a tilt sensor's {@code v} go through
 * the same rules.
 *
 * @param name  the full name (base name + name)
 * @param time  absolute time of the reading
 * @param unit  the unit (record unit, else base unit), or {@code null} when the device sent none
 * @param value the value (base value + value)
 */
public record Reading(String name, Instant time, String unit, double value) {

    /**
     * Whether this reading measures {@code quantity}: the name is the quantity or ends with it after
     * a separator, so {@code urn:dev:mac:0024befffe804ff1:tilt} and {@code mc-0042/tilt} both measure
     * {@code tilt}.
     */
    public boolean measures(String quantity) {
        if (name.equals(quantity)) {
            return true;
        }
        if (!name.endsWith(quantity) || name.length() == quantity.length()) {
            return false;
        }
        char sep = name.charAt(name.length() - quantity.length() - 1);
        return sep == ':' || sep == '/' || sep == '.' || sep == '_' || sep == '-';
    }
}
