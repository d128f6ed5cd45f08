package org.citygrid.sample;

import org.citygrid.model.geo.GeoPoint;
import org.citygrid.model.category.SensorType;
import java.util.Objects;
import org.citygrid.model.grid.GridCode;

/**
 * A fixed sensor in a grid.
 *
 * @param id       stable id: type, grid code and a number, e.g. {@code smoke-110101001001003-1}
 * @param type     what it measures
 * @param gridCode the grid it stands in
 * @param position where it stands, inside that grid
 */
public record Sensor(String id, SensorType type, GridCode gridCode, GeoPoint position) {

    public Sensor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(gridCode, "gridCode");
        Objects.requireNonNull(position, "position");
    }
}
