package org.citygrid.cloud.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citygrid.model.category.Category;
import org.citygrid.model.category.CategoryCatalogue;
import org.citygrid.model.category.SensorType;

/**
 * Which category a sensor alarm reports. Several categories can share a sensor type (a tilt sensor
 * sits on water, sewage, power... manhole covers), so an edge node that knows the asset may name the
 * category itself; otherwise the type's default applies: the first category in catalogue order that
 * the type raises, unless the operator configured another.
 */
public final class SensorCategories {

    private final CategoryCatalogue catalogue;
    private final Map<String, String> defaults;

    public SensorCategories(CategoryCatalogue catalogue, Map<String, String> overrides) {
        this.catalogue = catalogue;
        Map<String, String> map = new LinkedHashMap<>();
        for (SensorType type : SensorType.values()) {
            List<Category> raised = catalogue.bySensorType(type);
            if (!raised.isEmpty()) {
                map.put(type.id(), raised.get(0).code().toString());
            }
        }
        overrides.forEach((type, code) -> {
            if (!categoriesOf(type).contains(code)) {
                throw new IllegalArgumentException("sensor type " + type + " does not raise category " + code
                        + "; it raises " + categoriesOf(type));
            }
            map.put(type, code);
        });
        this.defaults = Map.copyOf(map);
    }

    public boolean knowsType(String sensorType) {
        return SensorType.fromId(sensorType).isPresent();
    }

    /** The category codes a sensor type may raise. */
    public List<String> categoriesOf(String sensorType) {
        return SensorType.fromId(sensorType)
                .map(t -> catalogue.bySensorType(t).stream().map(c -> c.code().toString()).toList())
                .orElse(List.of());
    }

    /** The category of an alarm without one, if the type raises any. */
    public Optional<String> defaultFor(String sensorType) {
        return Optional.ofNullable(defaults.get(sensorType));
    }
}
