package org.citygrid.cloud.geocode;

import java.nio.file.Path;
import org.citygrid.model.geo.GeoPoint;
import org.citygrid.model.grid.GridGeoJson;
import org.citygrid.model.grid.GridHierarchy;
import org.citygrid.model.grid.GridIndex;
import org.citygrid.model.grid.GridLookup;

/**
 * The production {@link GridLocator}: grid-model's JTS index of the city's unit grids, with its
 * tolerance for positions just outside a grid (a phone fix a few metres off the district's edge).
 */
public final class IndexedGridLocator implements GridLocator {

    private final GridIndex index;

    public IndexedGridLocator(GridIndex index) {
        this.index = index;
    }

    /**
     * The city's unit grids from {@code file} (GeoJSON, WGS 84, docs/grids.md).
     *
     * @throws IllegalStateException when no file is named: a service never guesses its city (the demo
     *                               writes the generated sample city's grids and names that file)
     */
    public static GridHierarchy load(Path file) {
        if (file == null) {
            throw new IllegalStateException("CITYGRID_GRIDS_FILE is not set: cloud-backend needs the city's unit grids as"
                    + " GeoJSON (docs/grids.md). To try it out, ./gridcity demo writes the generated sample city's grids"
                    + " to <data>/city/grids.geojson and starts cloud-backend with it.");
        }
        return new GridGeoJson().read(file);
    }

    @Override
    public Placement place(GeoPoint position) {
        return switch (index.locate(position)) {
            case GridLookup.Inside in -> new InGrid(in.grid().code().value());
            case GridLookup.Near near -> new InGrid(near.grid().code().value());
            case GridLookup.Outside out -> new Outside(out.distanceMetres());
        };
    }
}
