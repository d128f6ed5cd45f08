package org.citygrid.model.category;

import java.util.Objects;

/**
 * How a category appears in Open311 GeoReport v2 service discovery ({@code GET services}).
 *
 * @param serviceCode the unique {@code service_code}; by convention the canonical category code, e.g. {@code E0401}
 * @param group       the {@code group} clients use to arrange services in menus
 */
public record Open311Service(String serviceCode, String group) {

    public Open311Service {
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(group, "group");
        if (serviceCode.isBlank() || group.isBlank()) {
            throw new IllegalArgumentException("Open311 service code and group must not be blank");
        }
    }
}
