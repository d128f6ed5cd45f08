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
    MANHOLE_TILT("manhole-tilt", "井盖倾斜", "Manhole cover tilt"),
    WATER_LEVEL("water-level", "积水水位", "Water level"),
    SMOKE("smoke", "烟感", "Smoke"),
    BIN_FILL("bin-fill", "垃圾桶满溢", "Bin fill level"),
    STREET_LAMP("street-lamp", "路灯状态", "Street lamp state"),
    NOISE("noise", "噪声", "Noise");

    private final String id;
    private final String nameZh;
    private final String nameEn;

    SensorType(String id, String nameZh, String nameEn) {
        this.id = id;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    /** The wire identifier, e.g. {@code manhole-tilt}. */
    public String id() {
        return id;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The type with a wire id, for readers of files that must name a known type. */
    public static SensorType ofId(String id) {
        return fromId(id).orElseThrow(() -> new IllegalArgumentException("unknown sensor type '" + id + "'"));
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
