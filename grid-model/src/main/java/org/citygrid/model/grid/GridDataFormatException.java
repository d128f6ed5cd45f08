package org.citygrid.model.grid;

import java.util.OptionalInt;

/**
 * Grid data that cannot be read: not JSON, not a GeoJSON FeatureCollection, or a feature whose
 * geometry or properties are missing or malformed. The message names the feature by its index in
 * the collection and, when it could be read, its grid code.
 *
 * <p>Geometries that are well-formed but topologically invalid (a self-intersecting ring, say) are
 * not format errors; they load and are reported by {@link GridValidator}.
 */
public class GridDataFormatException extends RuntimeException {

    private final int featureIndex;

    public GridDataFormatException(String message) {
        this(message, -1, null);
    }

    public GridDataFormatException(String message, int featureIndex, Throwable cause) {
        super(message, cause);
        this.featureIndex = featureIndex;
    }

    /** The index of the offending feature in the collection, if the problem is in one feature. */
    public OptionalInt featureIndex() {
        return featureIndex < 0 ? OptionalInt.empty() : OptionalInt.of(featureIndex);
    }
}
