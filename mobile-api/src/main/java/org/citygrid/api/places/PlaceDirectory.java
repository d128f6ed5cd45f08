package org.citygrid.api.places;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The names of grids, communities and streets, read from the read model's grid register (grid.grids). */
public interface PlaceDirectory {

    /** The places of these unit grids, by grid code; grids the register does not hold are left out. */
    Map<String, Place> ofGrids(Collection<String> gridCodes);

    /** Every street of the register, by code. */
    List<Area> streets();

    /** Every community of the register, by code. */
    List<Area> communities();
}
