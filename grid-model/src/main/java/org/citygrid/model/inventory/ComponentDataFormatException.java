package org.citygrid.model.inventory;

/**
 * Inventory data that cannot be read: not JSON, not a GeoJSON FeatureCollection of points, or a
 * feature whose properties are missing or malformed. The message names the feature by its index
 * and, when it could be read, its code. Components that read but contradict the catalogue or the
 * grids are no format error: {@link ComponentValidator} reports them.
 */
public class ComponentDataFormatException extends RuntimeException {

    public ComponentDataFormatException(String message) {
        super(message);
    }

    public ComponentDataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
