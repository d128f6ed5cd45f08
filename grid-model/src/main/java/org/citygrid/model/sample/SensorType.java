package org.citygrid.model.sample;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of sensor a neighbourhood's edge node receives readings from. */
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

    /** The id used on the wire and in device registrations, e.g. {@code manhole-tilt}. */
    @JsonValue
    public String id() {
        return id;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The type with a wire id. */
    @JsonCreator
    public static SensorType ofId(String id) {
        for (SensorType type : values()) {
            if (type.id.equals(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown sensor type '" + id + "'");
    }
}
