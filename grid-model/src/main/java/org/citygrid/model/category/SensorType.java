package org.citygrid.model.category;

import java.util.Objects;
import java.util.Optional;

/**
 * A kind of sensor that reports to the edge nodes and can raise a problem of some category.
 *
 * <p>The {@link #id()} is the identifier devices and the edge node use on the wire and in the
 * catalogue file; the enum names are only the Java spelling.
 */
public enum SensorType {
    MANHOLE_TILT("manhole-tilt"),
    WATER_LEVEL("water-level"),
    SMOKE("smoke"),
    BIN_FILL("bin-fill"),
    STREET_LAMP("street-lamp"),
    NOISE("noise");

    private final String id;

    SensorType(String id) {
        this.id = id;
    }

    /** The wire identifier, e.g. {@code manhole-tilt}. */
    public String id() {
        return id;
    }

    /** The sensor type with that wire identifier, if any. Matching is exact: ids are lower case. */
    public static Optional<SensorType> fromId(String id) {
        Objects.requireNonNull(id, "id");
        for (SensorType type : values()) {
            if (type.id.equals(id)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
