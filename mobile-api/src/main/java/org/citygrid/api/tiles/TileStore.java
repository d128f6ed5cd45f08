package org.citygrid.api.tiles;

import org.citygrid.api.map.MapLayer;

/** Mapbox vector tiles of the map layers, in Web Mercator (the XYZ scheme). */
public interface TileStore {

    /** The tile's bytes; empty when no feature meets it. */
    byte[] tile(MapLayer layer, int z, int x, int y);
}
