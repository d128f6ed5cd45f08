package org.citygrid.cloud.geocode;

import org.citygrid.model.geo.GeoPoint;

/**
 * Finds the unit grid of a position. The topology depends on this small interface, not on a grid
 * index class, so that the intake path can be specified with a few hand-made grids and run in
 * production on grid-model's JTS index of the whole city.
 */
@FunctionalInterface
public interface GridLocator {

    /** Where a position falls. */
    sealed interface Placement {
    }

    /** In a grid, or near enough to one (within the index's tolerance) to be attached to it. */
    record InGrid(String gridCode) implements Placement {
    }

    /**
     * Outside the managed area.
     *
     * @param nearestMetres distance to the nearest grid; infinite when there are no grids
     */
    record Outside(double nearestMetres) implements Placement {
    }

    Placement place(GeoPoint position);
}
