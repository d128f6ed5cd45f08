package org.citygrid.sample;

import java.util.Objects;

/**
 * A department that handles cases.
 *
 * @param id       {@code URBAN_MANAGEMENT}, ..., or for territorial ones
 *                 {@code STREET_OFFICE:110101001} and {@code COMMUNITY_COMMITTEE:110101001001}
 * @param type     the kind of department; its name is the department code
 * @param nameZh   the Chinese name
 * @param nameEn   the English name
 * @param areaCode the code of the area it serves: district (6 digits), street (9) or community (12)
 */
public record Department(String id, DepartmentType type, String nameZh, String nameEn, String areaCode) {

    public Department {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(areaCode, "areaCode");
        if (!id.equals(type.departmentId(areaCode))) {
            throw new IllegalArgumentException("department id " + id + " does not match its type and area");
        }
    }
}
