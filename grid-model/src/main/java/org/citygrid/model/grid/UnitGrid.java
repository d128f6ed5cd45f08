package org.citygrid.model.grid;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * A unit grid (单元网格): the smallest managed area, about 10,000 m², with the street and community
 * it declares to belong to.
 *
 * <p>The declared street and community are kept as given, not derived from the code, so that a
 * data set whose codes contradict its declared hierarchy can be loaded and reported by
 * {@link GridValidator} rather than silently corrected.
 *
 * <p>The geometry is in WGS 84 longitude/latitude. JTS geometries are mutable objects; a unit grid
 * owns its geometry and nobody may change it after construction.
 *
 * @param code      the grid code
 * @param name      the grid's name
 * @param street    the street the grid declares to belong to
 * @param community the community the grid declares to belong to
 * @param geometry  a {@link org.locationtech.jts.geom.Polygon} or
 *                  {@link org.locationtech.jts.geom.MultiPolygon} in lon/lat; it may be invalid
 *                  (self-intersecting, say), which {@link GridValidator} reports
 */
public record UnitGrid(GridCode code, AreaName name, Street street, Community community, Geometry geometry) {

    public UnitGrid {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(geometry, "geometry");
        if (!(geometry instanceof Polygonal) || geometry.isEmpty()) {
            throw new IllegalArgumentException(
                    "grid " + code + " must be a non-empty Polygon or MultiPolygon, not " + geometry.getGeometryType());
        }
    }
}
